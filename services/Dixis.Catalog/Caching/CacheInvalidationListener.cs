using StackExchange.Redis;

namespace Dixis.Catalog.Caching;

/// <summary>
/// Applies other replicas' invalidations (see <see cref="CacheInvalidation"/>) to this process's cache and
/// acknowledges each, and counts the acknowledgements of this replica's own invalidations.
/// </summary>
public sealed partial class CacheInvalidationListener(
    IConnectionMultiplexer redis, CatalogCache cache, CacheInstance instance, InvalidationAcknowledgements acknowledgements, ILogger<CacheInvalidationListener> logger)
    : IHostedService
{
    private ChannelMessageQueue? invalidations;
    private ChannelMessageQueue? acks;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var subscriber = redis.GetSubscriber();
            acks = await subscriber.SubscribeAsync(CacheInvalidation.AcknowledgementChannel);
            acks.OnMessage(message => CountAcknowledgement(message.Message.ToString()));
            invalidations = await subscriber.SubscribeAsync(CacheInvalidation.Channel);
            invalidations.OnMessage(ApplyAsync);
        }
        catch (RedisException failure)
        {
            // Never fail start-up on Redis: the service runs, redis reports unhealthy, entries expire on their own.
            LogSubscribeFailed(logger, failure);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in new[] { invalidations, acks })
        {
            if (queue is null)
            {
                continue;
            }

            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (Exception closed) when (closed is ObjectDisposedException or RedisException)
            {
                // The connection closed first (shutdown disposes it in its own order): its subscriptions ended with it.
            }
        }
    }

    private async Task ApplyAsync(ChannelMessage received)
    {
        if (CacheInvalidationMessage.Parse(received.Message.ToString()) is not { } message || message.SenderId == instance.Id)
        {
            return;
        }

        try
        {
            await cache.RemoveLocallyAsync(message.Tags, CancellationToken.None);
            await redis.GetSubscriber().PublishAsync(CacheInvalidation.AcknowledgementChannel, $"{message.SenderId}\n{message.MessageId}");
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogApplyFailed(logger, message.Tags.Count, failure);
        }
    }

    /// <summary>Acknowledgements are broadcast; only the sender of the message counts them.</summary>
    private void CountAcknowledgement(string acknowledgement)
    {
        var separator = acknowledgement.IndexOf('\n');
        if (separator > 0 && acknowledgement.AsSpan(0, separator).SequenceEqual(instance.Id))
        {
            acknowledgements.Acknowledged(acknowledgement[(separator + 1)..]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to other replicas' cache invalidations; cached entries are dropped only when they expire")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply another replica's invalidation of {Count} cache tags")]
    private static partial void LogApplyFailed(ILogger logger, int count, Exception exception);
}
