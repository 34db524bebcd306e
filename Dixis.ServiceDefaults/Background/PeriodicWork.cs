using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dixis.ServiceDefaults.Background;

/// <summary>
/// Work a service does once before it answers (load a key ring, a list) and then again on a timer (check a
/// rotation, re-read the list). A tick that fails is logged and the next one tries again: what the last successful
/// tick left in place stays in force meanwhile.
/// </summary>
public abstract partial class PeriodicWork(TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    /// <summary>The clock the work runs on, for subclasses that also need the time (e.g. a retention's cutoff).</summary>
    protected TimeProvider Time { get; } = timeProvider;

    /// <summary>The time between two ticks.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the work is, for the log, e.g. <c>re-reading the token revocation list</c>.</summary>
    protected abstract string Description { get; }

    /// <summary>Runs before the host starts answering; a failure here stops the start.</summary>
    protected abstract Task BeforeStartAsync(CancellationToken cancellationToken);

    /// <summary>One tick.</summary>
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeforeStartAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await TickAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogTickFailed(logger, Description, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Work} failed; what the last successful run left stays in force, and the next run tries again")]
    private static partial void LogTickFailed(ILogger logger, string work, Exception error);
}
