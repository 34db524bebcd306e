using Dixis.Persistence.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Hosting;

/// <summary>
/// Keeps the store's own tables small: deletes delivered outbox messages past their retention and expired
/// idempotency records, every <see cref="PersistenceOptions.MaintenanceInterval"/>.
/// </summary>
internal sealed partial class DocumentStoreMaintenance(
    IDocumentStore store, IOptions<PersistenceOptions> options, TimeProvider timeProvider, ILogger<DocumentStoreMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.MaintenanceInterval, timeProvider, stoppingToken);
                var now = timeProvider.GetUtcNow();
                var messages = await store.OutboxQueue.PurgeCompletedAsync(now - settings.Outbox.Retention, stoppingToken);
                var records = await store.Idempotency.PurgeExpiredAsync(now, stoppingToken);
                LogPurged(logger, messages, records);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store maintenance deleted {OutboxMessages} delivered outbox messages and {IdempotencyRecords} expired idempotency records")]
    private static partial void LogPurged(ILogger logger, long outboxMessages, long idempotencyRecords);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store maintenance failed; it runs again after the maintenance interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
