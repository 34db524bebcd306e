namespace Dixis.Gateway.Tests.Security;

/// <summary>The security suite's test classes share one <see cref="SecuredPlatform"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredPlatformCollection : ICollectionFixture<SecuredPlatform>
{
    public const string Name = "secured platform";
}
