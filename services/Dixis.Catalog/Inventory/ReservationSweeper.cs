using Dixis.Catalog.Model;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Inventory;

/// <summary>
/// Releases reservations whose hold expired (an abandoned checkout must not keep stock from other shoppers).
/// Runs on every replica: each expiry is a conditional update on the reservation's state, so two sweepers never
/// release one reservation twice, and a commit racing an expiry is decided by whichever lands first.
/// </summary>
public sealed partial class ReservationSweeper(
    ReservationLedger reservations, IOptions<InventoryOptions> options, TimeProvider timeProvider, ILogger<ReservationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        do
        {
            try
            {
                var expired = await reservations.ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogSwept(logger, expired);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The store may be briefly unavailable; the next tick tries again.
                LogSweepFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} expired reservations")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired reservations failed; retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
