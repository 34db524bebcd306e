using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway forwarding to the real Catalog service and to <see cref="RecordingProductService"/>, all
/// in-process, started once for the test assembly.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private CatalogServiceFactory? catalog;
    private DownstreamTestHost? downstream;
    private GatewayFactory? gateway;

    public GatewayFactory Gateway => gateway ?? throw new InvalidOperationException("The fixture is not started.");

    public DownstreamRecorder Recorder => (downstream ?? throw new InvalidOperationException("The fixture is not started.")).Recorder;

    public async ValueTask InitializeAsync()
    {
        catalog = new CatalogServiceFactory();
        downstream = await DownstreamTestHost.StartAsync();
        gateway = new GatewayFactory(
            byPathPrefix: new Dictionary<string, HttpMessageHandler>
            {
                ["/dixis.catalog.v1.ProductService/"] = downstream.CreateHandler(),
            },
            byHost: new Dictionary<string, HttpMessageHandler>
            {
                ["catalog.test"] = catalog.Server.CreateHandler(),
            });
        _ = gateway.Server;
    }

    /// <summary>A native gRPC channel straight to the catalog service, for writes the gateway does not carry yet.</summary>
    public GrpcChannel CatalogChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(
            (catalog ?? throw new InvalidOperationException("The fixture is not started.")).Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = catalog.Server.CreateHandler() });

    /// <summary>A native gRPC channel to the gateway.</summary>
    public GrpcChannel GrpcChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(Gateway.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Gateway.Server.CreateHandler(),
            MaxSendMessageSize = null,
        });

    /// <summary>A gRPC-Web channel to the gateway, as a browser client would use.</summary>
    public GrpcChannel GrpcWebChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(Gateway.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Gateway.Server.CreateHandler()),
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
