using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Outbox;

/// <summary>
/// Delivers outbox messages at least once: claims due messages under a lease, hands each to the handler
/// registered for its type, marks it done, or reschedules it with exponential back-off and records the
/// error. A dispatcher that crashes mid-way loses nothing: its lease expires and the message is claimed again.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private const int MaxErrorLength = 2000;

    private readonly IOutboxQueue queue;
    private readonly Dictionary<string, IOutboxHandler> handlers;
    private readonly OutboxOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<OutboxDispatcher> logger;

    // Unique per dispatcher instance, so a late settle after a lease expired cannot touch another's claim.
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public OutboxDispatcher(
        IOutboxQueue queue,
        IEnumerable<IOutboxHandler> handlers,
        IOptions<PersistenceOptions> options,
        TimeProvider timeProvider,
        ILogger<OutboxDispatcher> logger)
    {
        this.queue = queue;
        this.options = options.Value.Outbox;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.handlers = new Dictionary<string, IOutboxHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!this.handlers.TryAdd(handler.MessageType, handler))
            {
                throw new InvalidOperationException($"Two outbox handlers are registered for message type '{handler.MessageType}'.");
            }
        }
    }

    /// <summary>Runs one round: claims up to a batch of due messages and delivers them; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var claimed = await queue.ClaimAsync(owner, options.BatchSize, now, now + options.LeaseDuration, cancellationToken);
        foreach (var message in claimed)
        {
            await DeliverAsync(message, cancellationToken);
        }

        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
            }

            // A full batch suggests more are due: go again at once instead of waiting a poll interval.
            if (claimed < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        try
        {
            if (!handlers.TryGetValue(message.Type, out var handler))
            {
                throw new InvalidOperationException($"No outbox handler is registered for message type '{message.Type}'.");
            }

            await handler.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = OutboxBackoff.After(message.Attempt, options);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            await queue.RescheduleAsync(
                message.Id, owner, timeProvider.GetUtcNow() + delay, error.Length <= MaxErrorLength ? error : error[..MaxErrorLength], cancellationToken);
            LogDeliveryFailed(logger, ex, message.Id, message.Type, message.Attempt, delay);
            return;
        }

        await queue.CompleteAsync(message.Id, owner, timeProvider.GetUtcNow(), cancellationToken);
        LogDelivered(logger, message.Id, message.Type, message.Attempt);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered outbox message {MessageId} of type {MessageType} on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string messageId, string messageType, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} of type {MessageType} failed on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageId, string messageType, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox dispatch round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
