using Dixis.Orders.Payments.Cards;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Background;
using Microsoft.Extensions.Options;

namespace Dixis.Orders.Webhooks;

/// <summary>
/// Deletes handled Stripe events older than <see cref="StripeOptions.HandledEventRetention"/>, hourly, so the
/// de-duplication table does not grow for ever. Past the retention Stripe no longer redelivers an event, and even a
/// late redelivery would change nothing: its outcome is applied by re-reading the PaymentIntent, which is idempotent.
/// Runs on every replica; deleting an id another replica deleted first is a no-op.
/// </summary>
public sealed partial class StripeEventPurger(
    IDocumentCollection<StripeEventRecord> events,
    IOptions<StripeOptions> options,
    TimeProvider timeProvider,
    ILogger<StripeEventPurger> logger) : PeriodicWork(timeProvider, logger)
{
    private const int PageSize = 200;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Description => "deleting handled Stripe events past their retention";

    protected override Task BeforeStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var deleted = await PurgeAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPurged(logger, deleted, options.Value.HandledEventRetention.TotalDays);
        }
    }

    /// <summary>Deletes every handled event older than the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoffMs = (Time.GetUtcNow() - options.Value.HandledEventRetention).ToUnixTimeMilliseconds();
        var deleted = 0;
        while (true)
        {
            var due = await events.QueryAsync(new Query { Filter = Filter.Lt("processTimeMs", cutoffMs), PageSize = PageSize }, cancellationToken);
            foreach (var handled in due.Items)
            {
                if (await events.DeleteAsync(handled.Id, cancellationToken: cancellationToken))
                {
                    deleted++;
                }
            }

            // Deleted events no longer match, so the next query starts over; a short page means none are left.
            if (due.Items.Count < PageSize)
            {
                return deleted;
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Deleted {Count} handled Stripe events older than {RetentionDays} days")]
    private static partial void LogPurged(ILogger logger, int count, double retentionDays);
}
