using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Sync;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.SearchService</c>: full-text search with filters and facets, autocomplete, index state.</summary>
public sealed class SearchGrpcService(ProductSearch search, ProductSuggestions suggestions, SearchIndexStatus status, SearchIndexSynchronizer synchronizer)
    : SearchService.SearchServiceBase
{
    public override Task<SearchProductsResponse> SearchProducts(SearchProductsRequest request, ServerCallContext context) =>
        search.SearchAsync(request, context.CancellationToken);

    public override Task<SuggestProductsResponse> SuggestProducts(SuggestProductsRequest request, ServerCallContext context) =>
        suggestions.SuggestAsync(request, context.CancellationToken);

    public override Task<SearchIndex> GetSearchIndex(GetSearchIndexRequest request, ServerCallContext context) =>
        Task.FromResult(status.ToContract());

    public override async Task<RebuildSearchIndexResponse> RebuildSearchIndex(RebuildSearchIndexRequest request, ServerCallContext context)
    {
        var (started, count) = await synchronizer.RequestRebuildAsync(context.CancellationToken);
        return new RebuildSearchIndexResponse { ProductCount = count, Started = started };
    }
}
