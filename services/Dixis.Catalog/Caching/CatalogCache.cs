using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Caching;

/// <summary>
/// The catalog's read cache: HybridCache (memory, plus Redis when configured) for products by id and slug,
/// producers and the category tree. Concurrent misses of one key load once (stampede protection); writes
/// call <see cref="CacheInvalidation"/>, which drops the tagged entries here and on every other replica.
/// A load that raced a write (it read the store before the write's invalidation, and HybridCache stored or shared
/// its result after) is never served: every value carries the invalidation sequence at which it was read, and a
/// value read before the last invalidation of its id is dropped and loaded again. A "not found" is never cached, so
/// creating a product needs no invalidation of its id or slug (see <see cref="CatalogChanges.ProductCreatedAsync"/>):
/// HybridCache remembers every tag it was ever asked to remove for the life of the process, and an import of 100,000
/// products would otherwise leave 200,000 of them behind.
/// </summary>
public sealed class CatalogCache
{
    private const int MaxAttempts = 3;
    private readonly HybridCache cache;
    private readonly IOptions<CatalogOptions> options;
    private readonly InvalidationLog products;
    private readonly InvalidationLog slugs;
    private readonly InvalidationLog producers;
    private long sequence = 1;
    private long treeInvalidatedAt;

    public CatalogCache(HybridCache cache, IOptions<CatalogOptions> options, TimeProvider timeProvider)
    {
        this.cache = cache;
        this.options = options;
        products = new InvalidationLog(timeProvider, options.Value.CacheDuration);
        slugs = new InvalidationLog(timeProvider, options.Value.CacheDuration);
        producers = new InvalidationLog(timeProvider, options.Value.CacheDuration);
    }

    private HybridCacheEntryOptions Entry => new()
    {
        Expiration = options.Value.CacheDuration,
        LocalCacheExpiration = options.Value.CacheDuration,
    };

    /// <summary>A product in every status (callers apply visibility), or null when there is none.</summary>
    public async ValueTask<Product?> GetProductAsync(string productId, Func<CancellationToken, ValueTask<Product?>> load, CancellationToken cancellationToken) =>
        (await GetFreshAsync(CacheTags.ProductKey(productId), CacheTags.Product(productId), load, () => products.InvalidatedAt(productId), cancellationToken)).Message;

    /// <summary>The id of the product with this slug, or null.</summary>
    public async ValueTask<string?> GetProductIdBySlugAsync(string slug, Func<CancellationToken, ValueTask<string?>> load, CancellationToken cancellationToken)
    {
        var cached = await GetFreshAsync<StringValue>(
            CacheTags.SlugKey(slug),
            CacheTags.Slug(slug),
            async token => await load(token) is { } id ? new StringValue { Value = id } : null,
            () => slugs.InvalidatedAt(slug),
            cancellationToken);
        return cached.Message?.Value;
    }

    /// <summary>A producer in every state (callers apply visibility), or null.</summary>
    public async ValueTask<Producer?> GetProducerAsync(string producerId, Func<CancellationToken, ValueTask<Producer?>> load, CancellationToken cancellationToken) =>
        (await GetFreshAsync(CacheTags.ProducerKey(producerId), CacheTags.Producer(producerId), load, () => producers.InvalidatedAt(producerId), cancellationToken)).Message;

    /// <summary>The category tree for one language key (<c>*</c> for all languages).</summary>
    public async ValueTask<CategoryTree> GetCategoryTreeAsync(string languageKey, Func<CancellationToken, ValueTask<CategoryTree>> load, CancellationToken cancellationToken) =>
        (await GetFreshAsync<CategoryTree>(
            CacheTags.CategoryTreeKey(languageKey),
            CacheTags.CategoryTree,
            async token => await load(token),
            () => Volatile.Read(ref treeInvalidatedAt),
            cancellationToken)).Message ?? new CategoryTree();

    /// <summary>Drops these keys from memory and from Redis.</summary>
    internal ValueTask RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? ValueTask.CompletedTask : cache.RemoveAsync(keys, cancellationToken);

    /// <summary>
    /// Drops every entry of these tags in this process (and, through L2 tag stamps, in Redis), after recording the
    /// invalidation, so a load already under way when it happened cannot be served afterwards.
    /// </summary>
    internal ValueTask RemoveLocallyAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var at = Interlocked.Increment(ref sequence);
        foreach (var tag in tags)
        {
            if (tag == CacheTags.CategoryTree)
            {
                Volatile.Write(ref treeInvalidatedAt, at);
            }
            else if (CacheTags.IdOf(tag, CacheTags.ProductPrefix) is { } productId)
            {
                products.Record(productId, at);
            }
            else if (CacheTags.IdOf(tag, CacheTags.SlugPrefix) is { } slug)
            {
                slugs.Record(slug, at);
            }
            else if (CacheTags.IdOf(tag, CacheTags.ProducerPrefix) is { } producerId)
            {
                producers.Record(producerId, at);
            }
        }

        return cache.RemoveByTagAsync(tags, cancellationToken);
    }

    private async ValueTask<Cached<TMessage>> GetFreshAsync<TMessage>(
        string key, string tag, Func<CancellationToken, ValueTask<TMessage?>> load, Func<long> invalidatedAt, CancellationToken cancellationToken)
        where TMessage : class, IMessage<TMessage>
    {
        for (var attempt = 1; ; attempt++)
        {
            Cached<TMessage> cached;
            try
            {
                cached = await cache.GetOrCreateAsync(
                    key,
                    (Cache: this, Load: load),
                    static async (state, token) =>
                    {
                        // The sequence is taken before the read: an invalidation after it marks this value as possibly old.
                        var readSequence = Volatile.Read(ref state.Cache.sequence);
                        return new Cached<TMessage>(await state.Load(token) ?? throw new UncachedMissException(), readSequence);
                    },
                    Entry,
                    [tag],
                    cancellationToken);
            }
            catch (UncachedMissException)
            {
                // Callers waiting on the same load share this answer; nothing was stored.
                return Cached<TMessage>.Missing;
            }

            // An empty value can only come from Redis, written by an older version that cached misses: loaded again.
            if ((cached.Message is not null && cached.ReadSequence >= invalidatedAt()) || attempt == MaxAttempts)
            {
                return cached;
            }

            await cache.RemoveAsync(key, cancellationToken);
        }
    }

    /// <summary>
    /// Thrown by a load that found nothing: HybridCache stores no result of a load that throws, so a "not found" is never
    /// cached. That is what lets a create skip invalidation: no replica can hold an entry for a product that did not exist.
    /// </summary>
    private sealed class UncachedMissException : Exception
    {
        public UncachedMissException()
            : base("The store holds no such entry; it is not cached.")
        {
        }
    }
}
