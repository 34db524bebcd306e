using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Outbox;

/// <summary>
/// Delivers outbox messages at least once: claims due messages under a lease, hands each to the handler
/// registered for its type, marks it done, or reschedules it with exponential back-off and records the
/// error. A failure that retrying cannot fix (<see cref="OutboxFailureClassifier"/>), or the last of
/// <see cref="OutboxOptions.MaxAttempts"/>, parks the message as a dead letter instead, loudly: an error log, the
/// <c>dixis.outbox.dead_letters</c> counter and a Degraded health check. A dispatcher that crashes mid-way loses
/// nothing: its lease expires and the message is claimed again.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private const int MaxErrorLength = 2000;

    private readonly IOutboxQueue queue;
    private readonly Dictionary<string, IOutboxHandler> handlers;
    private readonly OutboxOptions options;
    private readonly TimeProvider timeProvider;
    private readonly OutboxMetrics metrics;
    private readonly ILogger<OutboxDispatcher> logger;

    // Unique per dispatcher instance, so a late settle after a lease expired cannot touch another's claim.
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public OutboxDispatcher(
        IOutboxQueue queue,
        IEnumerable<IOutboxHandler> handlers,
        IOptions<PersistenceOptions> options,
        TimeProvider timeProvider,
        OutboxMetrics metrics,
        ILogger<OutboxDispatcher> logger)
    {
        this.queue = queue;
        this.options = options.Value.Outbox;
        this.timeProvider = timeProvider;
        this.metrics = metrics;
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
                throw new PermanentOutboxFailureException($"No outbox handler is registered for message type '{message.Type}'.");
            }

            await handler.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await SettleFailureAsync(message, ex, cancellationToken);
            return;
        }

        await queue.CompleteAsync(message.Id, owner, timeProvider.GetUtcNow(), cancellationToken);
        LogDelivered(logger, message.Id, message.Type, message.Attempt);
    }

    private async Task SettleFailureAsync(OutboxEnvelope message, Exception failure, CancellationToken cancellationToken)
    {
        var error = Describe(failure);
        var permanent = OutboxFailureClassifier.IsPermanent(failure);
        if (!permanent && message.Attempt < options.MaxAttempts)
        {
            var delay = OutboxBackoff.After(message.Attempt, options);
            await queue.RescheduleAsync(message.Id, owner, timeProvider.GetUtcNow() + delay, error, cancellationToken);
            LogDeliveryFailed(logger, failure, message.Id, message.Type, message.Attempt, delay);
            return;
        }

        // False: the lease expired meanwhile and another dispatcher owns the message; it settles (and reports) it.
        if (await queue.DeadLetterAsync(message.Id, owner, timeProvider.GetUtcNow(), error, cancellationToken))
        {
            var reason = permanent ? OutboxMetrics.PermanentFailure : OutboxMetrics.AttemptsExhausted;
            metrics.DeadLettered(message.Type, reason);
            LogDeadLettered(logger, failure, message.Id, message.Type, message.Attempt, reason);
        }
    }

    /// <summary>
    /// The error kept with the message: the exception's type and message, never its stack, inner exceptions or, for a
    /// gRPC error, the trailers and debug exception (they can carry addresses and tokens).
    /// </summary>
    private static string Describe(Exception failure)
    {
        var error = failure is RpcException rpc
            ? $"{nameof(RpcException)} {rpc.StatusCode}: {rpc.Status.Detail}"
            : $"{failure.GetType().Name}: {failure.Message}";
        return error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered outbox message {MessageId} of type {MessageType} on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string messageId, string messageType, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} of type {MessageType} failed on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageId, string messageType, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} of type {MessageType} is a dead letter after attempt {Attempt} ({Reason}): it is no longer retried until an operator requeues it")]
    private static partial void LogDeadLettered(ILogger logger, Exception exception, string messageId, string messageType, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox dispatch round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
