using StackExchange.Redis;

namespace Dixis.Catalog.Caching;

/// <summary>
/// Invalidates cached catalog entries after a write, here and on every other replica. HybridCache has no
/// backplane: another replica's memory tier would keep serving an old product until it expires. So a write
/// drops the tags locally, then publishes them on a Redis channel that every replica's
/// <see cref="CacheInvalidationListener"/> applies; the write returns only after Redis took the message.
/// Without Redis there is one tier and one replica's memory, and the local drop is the whole job.
/// </summary>
public sealed partial class CacheInvalidation(CatalogCache cache, CacheInstance instance, ILogger<CacheInvalidation> logger, IConnectionMultiplexer? redis = null)
{
    /// <summary>The channel replicas exchange invalidated tags on.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("dixis:catalog:cache-invalidation");

    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await cache.RemoveLocallyAsync(tags, cancellationToken);
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, CacheInvalidationMessage.Format(instance.Id, tags));
        }
        catch (RedisException failure)
        {
            // The write itself is done and durable; other replicas fall back to the entry's expiry.
            LogPublishFailed(logger, tags.Count, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the invalidation of {Count} cache tags to other replicas; they serve cached entries until these expire")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);
}
