using StackExchange.Redis;

namespace Dixis.Catalog.Caching;

/// <summary>
/// Invalidates cached catalog entries after a write, here and on every other replica, before the write returns.
/// HybridCache has no backplane: another replica's memory tier would keep serving an old product until it
/// expires. So a write drops the keys (memory and Redis) and tags locally, publishes the tags on a Redis channel,
/// and waits until every other subscribed replica's <see cref="CacheInvalidationListener"/> acknowledges that it
/// dropped them too (bounded by <see cref="AcknowledgementTimeout"/>, after which a replica that did not answer —
/// crashed, partitioned — falls back to the entries' expiry). Without Redis there is one tier and one replica's
/// memory, and the local drop is the whole job.
/// </summary>
public sealed partial class CacheInvalidation(
    CatalogCache cache, CacheInstance instance, InvalidationAcknowledgements acknowledgements, ILogger<CacheInvalidation> logger, IConnectionMultiplexer? redis = null)
{
    /// <summary>The channel replicas exchange invalidated tags on.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("dixis:catalog:cache-invalidation");

    /// <summary>The channel replicas acknowledge invalidations on.</summary>
    public static readonly RedisChannel AcknowledgementChannel = RedisChannel.Literal("dixis:catalog:cache-invalidation-ack");

    /// <summary>How long a write waits for other replicas to acknowledge.</summary>
    public static readonly TimeSpan AcknowledgementTimeout = TimeSpan.FromMilliseconds(500);

    public async Task InvalidateAsync(IReadOnlyCollection<string> tags, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (tags.Count == 0 && keys.Count == 0)
        {
            return;
        }

        // Keys go from both tiers at once (a Redis DEL), so no replica can load the old entry from Redis again.
        await cache.RemoveAsync(keys, cancellationToken);
        await cache.RemoveLocallyAsync(tags, cancellationToken);
        if (redis is null || tags.Count == 0)
        {
            return;
        }

        var message = new CacheInvalidationMessage(Guid.NewGuid().ToString("N"), instance.Id, [.. tags]);
        try
        {
            acknowledgements.Begin(message.MessageId);
            var receivers = await redis.GetSubscriber().PublishAsync(Channel, message.Format());

            // Subscribers include this replica's own listener, which ignores its own messages.
            if (receivers > 1)
            {
                await acknowledgements.UntilAcknowledgedAsync(message.MessageId, receivers - 1).WaitAsync(AcknowledgementTimeout, cancellationToken);
            }
        }
        catch (TimeoutException)
        {
            LogNotAcknowledged(logger, tags.Count, AcknowledgementTimeout.TotalMilliseconds);
        }
        catch (RedisException failure)
        {
            // The write itself is done and durable; other replicas fall back to the entries' expiry.
            LogPublishFailed(logger, tags.Count, failure);
        }
        finally
        {
            acknowledgements.End(message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the invalidation of {Count} cache tags to other replicas; they serve cached entries until these expire")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not every replica acknowledged the invalidation of {Count} cache tags within {Milliseconds} ms; a silent one serves its cached entries until they expire")]
    private static partial void LogNotAcknowledged(ILogger logger, int count, double milliseconds);
}
