using Dixis.Contracts.Catalog.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Catalog.Loading;

/// <summary>
/// A gRPC channel to one Catalog endpoint with the caller's identity on every call, and the typed clients a loader
/// needs. With an access token it may be the gateway's <c>grpc</c> endpoint; with the interim identity header it must
/// be the catalog's own, since the gateway strips that header.
/// </summary>
public sealed class CatalogConnection : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly Metadata headers;
    private readonly TimeProvider timeProvider;

    public CatalogConnection(Uri address, CallerIdentity caller, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(caller);
        Address = address;
        Caller = caller;
        this.timeProvider = timeProvider;
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false },
            // Import rows and category trees are small, but a large product must not fail on the 4 MB default.
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        headers = [caller.Header];
        Products = new ProductService.ProductServiceClient(channel);
        Producers = new ProducerService.ProducerServiceClient(channel);
        Categories = new CategoryService.CategoryServiceClient(channel);
        Inventory = new InventoryService.InventoryServiceClient(channel);
        Search = new SearchService.SearchServiceClient(channel);
    }

    public Uri Address { get; }

    public CallerIdentity Caller { get; }

    public ProductService.ProductServiceClient Products { get; }

    public ProducerService.ProducerServiceClient Producers { get; }

    public CategoryService.CategoryServiceClient Categories { get; }

    public InventoryService.InventoryServiceClient Inventory { get; }

    public SearchService.SearchServiceClient Search { get; }

    /// <summary>Options of one call: the caller header, a deadline <paramref name="timeout"/> from now, cancellation.</summary>
    public CallOptions Options(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(headers, timeProvider.GetUtcNow().UtcDateTime + timeout, cancellationToken);

    public CallOptions Options(CancellationToken cancellationToken) => Options(CallDeadlines.Unary, cancellationToken);

    public void Dispose() => channel.Dispose();
}
