using Dixis.Catalog.Loading;

namespace Dixis.Bench.Catalog;

/// <summary>
/// Loads the platform's catalog to <c>--products N</c> demo products with the same code as the catalog tool's
/// <c>demo</c> command (tools/Dixis.Catalog.Loading), straight to Catalog's grpc endpoint as the bench administrator
/// (an access token), so the figures are of the catalog alone. Stock is not set: the catalog scenarios read products, and one
/// <c>AdjustStock</c> per SKU would add minutes to every run.
/// </summary>
public sealed class CatalogLoadStep(ProgressLog progress, TimeProvider timeProvider)
{
    public async Task<CatalogLoadFigures> RunAsync(Uri catalogGrpc, CallerIdentity admin, int products, CancellationToken cancellationToken)
    {
        using var catalog = new CatalogConnection(catalogGrpc, admin, timeProvider);
        DemoLoadResult result;
        try
        {
            result = await new DemoCatalogLoader(catalog, timeProvider)
                .LoadAsync(new DemoLoadPlan(products, SetStock: false), new LoadProgressLog(progress, timeProvider), cancellationToken);
        }
        catch (CatalogLoadException failure)
        {
            throw new BenchFailedException($"loading {products} products into the catalog failed: {failure.Message}", failure);
        }

        var import = result.Import!;
        var first = import.Response.Errors.FirstOrDefault();
        return new CatalogLoadFigures(
            products,
            import.Response.ReceivedCount,
            import.Response.CreatedCount,
            import.Response.UpdatedCount,
            import.Response.FailedCount,
            import.Elapsed,
            result.Producers.Created,
            result.Elapsed,
            first is null ? null : $"row {first.RowNumber} ({first.Slug}) {first.Field}: {first.Description}");
    }
}
