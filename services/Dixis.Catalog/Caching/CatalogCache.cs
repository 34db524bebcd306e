using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Caching;

/// <summary>
/// The catalog's read cache: HybridCache (memory, plus Redis when configured) for products by id and slug,
/// producers and the category tree. Concurrent misses of one key load once (stampede protection); writes
/// call <see cref="CacheInvalidation"/>, which drops the tagged entries here and on every other replica.
/// </summary>
public sealed class CatalogCache(HybridCache cache, IOptions<CatalogOptions> options)
{
    private HybridCacheEntryOptions Entry => new()
    {
        Expiration = options.Value.CacheDuration,
        LocalCacheExpiration = options.Value.CacheDuration,
    };

    /// <summary>A product in every status (callers apply visibility), or null when there is none.</summary>
    public async ValueTask<Product?> GetProductAsync(string productId, Func<CancellationToken, ValueTask<Product?>> load, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrCreateAsync(
            CacheTags.ProductKey(productId),
            load,
            static async (state, token) => new Cached<Product>(await state(token)),
            Entry,
            [CacheTags.Product(productId)],
            cancellationToken);
        return cached.Message;
    }

    /// <summary>The id of the product with this slug, or null.</summary>
    public async ValueTask<string?> GetProductIdBySlugAsync(string slug, Func<CancellationToken, ValueTask<string?>> load, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheTags.SlugKey(slug), load, static (state, token) => state(token), Entry, [CacheTags.Slug(slug)], cancellationToken);

    /// <summary>A producer in every state (callers apply visibility), or null.</summary>
    public async ValueTask<Producer?> GetProducerAsync(string producerId, Func<CancellationToken, ValueTask<Producer?>> load, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrCreateAsync(
            CacheTags.ProducerKey(producerId),
            load,
            static async (state, token) => new Cached<Producer>(await state(token)),
            Entry,
            [CacheTags.Producer(producerId)],
            cancellationToken);
        return cached.Message;
    }

    /// <summary>The category tree for one language key (<c>*</c> for all languages).</summary>
    public async ValueTask<CategoryTree> GetCategoryTreeAsync(string languageKey, Func<CancellationToken, ValueTask<CategoryTree>> load, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrCreateAsync(
            CacheTags.CategoryTreeKey(languageKey),
            load,
            static async (state, token) => new Cached<CategoryTree>(await state(token)),
            Entry,
            [CacheTags.CategoryTree],
            cancellationToken);
        return cached.Message ?? new CategoryTree();
    }

    /// <summary>Drops these keys from memory and from Redis.</summary>
    internal ValueTask RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? ValueTask.CompletedTask : cache.RemoveAsync(keys, cancellationToken);

    /// <summary>Drops every entry of these tags in this process (and, through L2 tag stamps, in Redis).</summary>
    internal ValueTask RemoveLocallyAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken) =>
        cache.RemoveByTagAsync(tags, cancellationToken);
}
