using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Catalog;

/// <summary>Serves <c>dixis.catalog.v1.SearchService</c> at the gateway by forwarding each call to the catalog service.</summary>
public sealed class SearchServiceForwarder(GrpcForwarder forwarder, SearchService.SearchServiceClient downstream)
    : SearchService.SearchServiceBase
{
    public override Task<SearchProductsResponse> SearchProducts(SearchProductsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.SearchProductsAsync, request, context);

    public override Task<SuggestProductsResponse> SuggestProducts(SuggestProductsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.SuggestProductsAsync, request, context);

    public override Task<SearchIndex> GetSearchIndex(GetSearchIndexRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetSearchIndexAsync, request, context);

    public override Task<RebuildSearchIndexResponse> RebuildSearchIndex(RebuildSearchIndexRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RebuildSearchIndexAsync, request, context);
}
