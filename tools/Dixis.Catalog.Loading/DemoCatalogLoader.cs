using System.Collections.Concurrent;
using Dixis.Catalog.DemoData;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Loads the demo catalog into a running Catalog service the way a client would: creates the demo producers
/// (skipping slugs that exist), maps categories by slug path from the catalog's tree, imports the generated products
/// through <c>ImportProducts</c> with the catalog's producer and category ids, then sets each SKU's stock.
/// </summary>
public sealed class DemoCatalogLoader(CatalogConnection catalog, TimeProvider timeProvider)
{
    /// <exception cref="CatalogLoadException">A step failed; earlier steps' effects stay (a rerun skips or replays them).</exception>
    public async Task<DemoLoadResult> LoadAsync(DemoLoadPlan plan, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plan.Products);
        var started = timeProvider.GetTimestamp();
        var generator = new DemoProductGenerator(plan.Seed, plan.Producers);

        var producers = await ProducerIdMap.EnsureAsync(catalog, generator.Producers, progress, cancellationToken);
        var categories = await CategoryIdMap.LoadAsync(catalog, cancellationToken);
        if (plan.Products == 0)
        {
            return new DemoLoadResult(producers, categories, null, null, timeProvider.GetElapsedTime(started));
        }

        // Stock waits for the import (a SKU exists once its product does); it is kept aside as products stream by.
        var stock = plan.SetStock ? new ConcurrentQueue<KeyValuePair<string, long>>() : null;
        var rows = generator.Generate(plan.Products).Select(demo =>
        {
            foreach (var entry in demo.StockBySku)
            {
                stock?.Enqueue(entry);
            }

            return WithCatalogIds(demo.Product, producers, categories);
        });

        var import = await new ProductImport(catalog, timeProvider).ImportAsync(
            rows.ToAsyncEnumerable(), plan.Products, new ImportSettings(plan.ImportRequestId, ImportMode.Upsert, ValidateOnly: false), progress, cancellationToken);

        StockOutcome? stocked = null;
        if (stock is not null && import.Response.CreatedCount + import.Response.UpdatedCount > 0)
        {
            stocked = await new StockLoader(catalog).SetAsync(stock, stock.Count, progress, cancellationToken);
        }

        return new DemoLoadResult(producers, categories, import, stocked, timeProvider.GetElapsedTime(started));
    }

    private static Product WithCatalogIds(Product product, ProducerIdMap producers, CategoryIdMap categories)
    {
        product.ProducerId = producers[product.ProducerId];
        product.CategoryId = categories[product.CategoryId];
        return product;
    }
}
