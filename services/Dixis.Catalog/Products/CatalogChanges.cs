using Dixis.Catalog.Caching;
using Dixis.Catalog.Search.Sync;

namespace Dixis.Catalog.Products;

/// <summary>
/// What every catalog write does after it commits: drop the cached entries it made stale (here and on other
/// replicas) and wake the search index. One place, so no writer forgets one of them.
/// </summary>
public sealed class CatalogChanges(CacheInvalidation invalidation, SearchIndexSignal searchIndex)
{
    /// <summary>
    /// A product was created. Its id and slug need no invalidation: a "not found" is never cached
    /// (<see cref="CatalogCache"/>), so no replica can hold an entry for either, and skipping them keeps HybridCache's
    /// never-pruned record of removed tags from growing with every product ever created.
    /// </summary>
    public Task ProductCreatedAsync(CancellationToken cancellationToken) => ProductsChangedAsync([], [], cancellationToken);

    /// <summary>Existing products' fields, status or category changed; a created product goes to <see cref="ProductCreatedAsync"/>.</summary>
    public Task ProductsChangedAsync(IEnumerable<string> productIds, IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        searchIndex.Notify();
        var ids = productIds.Distinct(StringComparer.Ordinal).ToArray();
        var distinctSlugs = slugs.Distinct(StringComparer.Ordinal).ToArray();
        return invalidation.InvalidateAsync(
            [.. ids.Select(CacheTags.Product), .. distinctSlugs.Select(CacheTags.Slug), CacheTags.CategoryTree],
            [.. ids.Select(CacheTags.ProductKey), .. distinctSlugs.Select(CacheTags.SlugKey)],
            cancellationToken);
    }

    /// <summary>Stock of these products changed: their variants' <c>in_stock</c> and the in-stock filter may differ.</summary>
    public Task StockChangedAsync(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        searchIndex.Notify();
        var ids = productIds.Distinct(StringComparer.Ordinal).ToArray();
        return invalidation.InvalidateAsync([.. ids.Select(CacheTags.Product)], [.. ids.Select(CacheTags.ProductKey)], cancellationToken);
    }

    /// <summary>A producer changed: its name and state show in its products' search hits and visibility.</summary>
    public Task ProducerChangedAsync(string producerId, CancellationToken cancellationToken)
    {
        searchIndex.Notify();
        return invalidation.InvalidateAsync([CacheTags.Producer(producerId), CacheTags.CategoryTree], [CacheTags.ProducerKey(producerId)], cancellationToken);
    }

    /// <summary>The category tree changed: names, places, order.</summary>
    public Task CategoriesChangedAsync(CancellationToken cancellationToken)
    {
        searchIndex.Notify();
        return invalidation.InvalidateAsync([CacheTags.CategoryTree], [], cancellationToken);
    }
}
