using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway forwarding to the real Catalog service and to <see cref="RecordingProductService"/>, all
/// in-process, started once for the test assembly.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private CatalogServiceFactory? catalog;
    private GrpcTestHost? downstream;
    private GatewayFactory? gateway;

    public GatewayFactory Gateway => gateway ?? throw new InvalidOperationException("The fixture is not started.");

    public DownstreamRecorder Recorder =>
        (downstream ?? throw new InvalidOperationException("The fixture is not started.")).Services.GetRequiredService<DownstreamRecorder>();

    public async ValueTask InitializeAsync()
    {
        catalog = new CatalogServiceFactory();
        downstream = await GrpcTestHost.StartAsync<RecordingProductService>(services => services.AddSingleton<DownstreamRecorder>());
        gateway = CreateGateway();
        _ = gateway.Server;
    }

    /// <summary>A native gRPC channel straight to the catalog service, for writes the gateway does not carry yet.</summary>
    public GrpcChannel CatalogChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(
            (catalog ?? throw new InvalidOperationException("The fixture is not started.")).Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = catalog.Server.CreateHandler() });

    /// <summary>
    /// Another gateway in front of the same services, with some settings changed, or the Catalog service reached
    /// through <paramref name="catalogTransport"/>; the caller disposes it.
    /// </summary>
    public GatewayFactory CreateGateway(
        IReadOnlyDictionary<string, string?>? settingOverrides = null,
        Func<HttpMessageHandler, HttpMessageHandler>? catalogTransport = null)
    {
        var catalogHandler = (catalog ?? throw new InvalidOperationException("The fixture is not started.")).Server.CreateHandler();
        return new(
            byPathPrefix: new Dictionary<string, HttpMessageHandler>
            {
                ["/dixis.catalog.v1.ProductService/"] = (downstream ?? throw new InvalidOperationException("The fixture is not started.")).CreateHandler(),
            },
            byHost: new Dictionary<string, HttpMessageHandler>
            {
                ["catalog.test"] = catalogTransport?.Invoke(catalogHandler) ?? catalogHandler,
            },
            settingOverrides);
    }

    /// <summary>Another gateway whose every catalog call, products included, reaches the real Catalog service; the caller disposes it.</summary>
    public GatewayFactory CreateGatewayToCatalog() =>
        new(
            byPathPrefix: new Dictionary<string, HttpMessageHandler>(),
            byHost: new Dictionary<string, HttpMessageHandler>
            {
                ["catalog.test"] = (catalog ?? throw new InvalidOperationException("The fixture is not started.")).Server.CreateHandler(),
            });

    /// <summary>A native gRPC channel to the gateway (or to <paramref name="other"/>).</summary>
    public GrpcChannel GrpcChannel(GatewayFactory? other = null) =>
        Grpc.Net.Client.GrpcChannel.ForAddress((other ?? Gateway).Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = (other ?? Gateway).Server.CreateHandler(),
            MaxSendMessageSize = null,
        });

    /// <summary>A gRPC-Web channel to the gateway (or to <paramref name="other"/>), as a browser client would use.</summary>
    public GrpcChannel GrpcWebChannel(GatewayFactory? other = null) =>
        Grpc.Net.Client.GrpcChannel.ForAddress((other ?? Gateway).Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, (other ?? Gateway).Server.CreateHandler()),
            MaxSendMessageSize = null,
        });

    /// <summary>A plain HTTP client for the JSON surface.</summary>
    public HttpClient JsonClient() => Gateway.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (downstream is not null)
        {
            await downstream.DisposeAsync();
        }

        if (catalog is not null)
        {
            await catalog.DisposeAsync();
        }
    }
}
