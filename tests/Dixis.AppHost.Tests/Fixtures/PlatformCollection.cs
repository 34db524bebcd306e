namespace Dixis.AppHost.Tests.Fixtures;

/// <summary>The tests sharing one running platform.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Running platform";
}
