namespace Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

/// <summary>The test classes that share one <see cref="ProductionGatewayFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionGatewayCollection : ICollectionFixture<ProductionGatewayFixture>
{
    public const string Name = "Production gateway on Kestrel with HTTPS";
}
