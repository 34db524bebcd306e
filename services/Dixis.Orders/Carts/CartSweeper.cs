using Dixis.ServiceDefaults.Background;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Carts;

/// <summary>
/// Deletes carts of the document store that nobody touched for their lifetime, so abandoned guest carts do not pile
/// up. Runs on every replica: each delete is conditional on the version read, so two sweepers never fight.
/// </summary>
public sealed partial class CartSweeper(DocumentCartStore carts, IOptions<CartOptions> options, TimeProvider timeProvider, ILogger<CartSweeper> logger)
    : PeriodicWork(timeProvider, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Description => "deleting expired carts";

    protected override Task BeforeStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var deleted = await carts.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            LogSwept(logger, deleted);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Deleted {Count} expired carts")]
    private static partial void LogSwept(ILogger logger, int count);
}
