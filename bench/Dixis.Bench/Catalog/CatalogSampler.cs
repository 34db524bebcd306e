using Dixis.Bench.Scenarios;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Bench.Catalog;

/// <summary>Reads what data-bound scenarios need from the running catalog, straight from its grpc endpoint.</summary>
public sealed class CatalogSampler(TimeProvider timeProvider)
{
    public async Task<CatalogSample> ReadAsync(Uri catalogGrpc, CallerIdentity admin, CancellationToken cancellationToken)
    {
        using var catalog = new CatalogConnection(catalogGrpc, admin, timeProvider);
        try
        {
            var categories = await CategoryIdMap.LoadAsync(catalog, cancellationToken);
            var page = await catalog.Products.ListProductsAsync(
                new ListProductsRequest { PageSize = 1, Status = ProductStatus.Active }, catalog.Options(cancellationToken));
            var product = page.Products.FirstOrDefault()
                ?? throw new BenchFailedException("the catalog has no active product to read: run with --products N (e.g. --products 100000).");
            return new CatalogSample(product.Id, categories.IdsByPath);
        }
        catch (CatalogLoadException failure)
        {
            throw new BenchFailedException(failure.Message, failure);
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException(CallFailures.Explain(failure, catalogGrpc, "dixis.catalog.v1.ProductService/ListProducts"), failure);
        }
    }

    /// <summary>How many products a search scenario's request matches, to show it finds thousands, not none.</summary>
    public async Task<long> CountMatchesAsync(Uri catalogGrpc, CallerIdentity admin, SearchProductsRequest request, CancellationToken cancellationToken)
    {
        using var catalog = new CatalogConnection(catalogGrpc, admin, timeProvider);
        try
        {
            return (await catalog.Search.SearchProductsAsync(request, catalog.Options(cancellationToken))).TotalSize;
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException(CallFailures.Explain(failure, catalogGrpc, "dixis.catalog.v1.SearchService/SearchProducts"), failure);
        }
    }
}
