using StackExchange.Redis;

namespace Dixis.Catalog.Caching;

/// <summary>Applies other replicas' invalidations (see <see cref="CacheInvalidation"/>) to this process's cache.</summary>
public sealed partial class CacheInvalidationListener(
    IConnectionMultiplexer redis, CatalogCache cache, CacheInstance instance, ILogger<CacheInvalidationListener> logger) : IHostedService
{
    private ChannelMessageQueue? queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            queue = await redis.GetSubscriber().SubscribeAsync(CacheInvalidation.Channel);
            queue.OnMessage(ApplyAsync);
        }
        catch (RedisException failure)
        {
            // Never fail start-up on Redis: the service runs, redis reports unhealthy, entries expire on their own.
            LogSubscribeFailed(logger, failure);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (queue is not null)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task ApplyAsync(ChannelMessage message)
    {
        var (sender, tags) = CacheInvalidationMessage.Parse(message.Message.ToString());
        if (sender == instance.Id || tags.Length == 0)
        {
            return;
        }

        try
        {
            await cache.RemoveLocallyAsync(tags, CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogApplyFailed(logger, tags.Length, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to other replicas' cache invalidations; cached entries are dropped only when they expire")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply another replica's invalidation of {Count} cache tags")]
    private static partial void LogApplyFailed(ILogger logger, int count, Exception exception);
}
