namespace Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

/// <summary>
/// One gateway in the Production environment on real sockets with an HTTPS endpoint, shared by the tests of
/// <see cref="ProductionGatewayCollection"/>: starting Kestrel with TLS is the slow part.
/// </summary>
public sealed class ProductionGatewayFixture : IAsyncLifetime
{
    private SelfSignedCertificate? certificate;
    private KestrelGateway? gateway;

    public KestrelGateway Gateway => gateway ?? throw new InvalidOperationException("The fixture is not started.");

    public async ValueTask InitializeAsync()
    {
        certificate = SelfSignedCertificate.Create(TimeProvider.System);
        gateway = await KestrelGateway.CreateAsync("Production", certificate);
        gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        certificate?.Dispose();
    }
}
