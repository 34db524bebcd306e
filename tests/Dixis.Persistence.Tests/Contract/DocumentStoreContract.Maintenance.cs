using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Maintenance_deletes_only_delivered_messages_past_retention_and_expired_keys()
    {
        var store = await OpenAsync();
        var delivered = await store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, [1]), Cancel);
        await Dispatcher(store.OutboxQueue, new RecordingHandler(ReserveStock)).DispatchDueAsync(Cancel);
        var pending = await store.Outbox.EnqueueAsync(new OutboxMessage("nobody.listens", [2]), Cancel);
        await store.Idempotency.TryBeginAsync("old-key", "hash", Cancel);

        Assert.Equal(0, await store.OutboxQueue.PurgeCompletedAsync(Time.GetUtcNow() - Settings.Outbox.Retention, Cancel));
        Time.Advance(Settings.Outbox.Retention + TimeSpan.FromSeconds(1));
        await store.Idempotency.TryBeginAsync("fresh-key", "hash", Cancel);

        Assert.Equal(1, await store.OutboxQueue.PurgeCompletedAsync(Time.GetUtcNow() - Settings.Outbox.Retention, Cancel));
        Assert.Equal(1, await store.Idempotency.PurgeExpiredAsync(Time.GetUtcNow(), Cancel));
        Assert.Null(await store.OutboxQueue.FindAsync(delivered, Cancel));
        Assert.NotNull(await store.OutboxQueue.FindAsync(pending, Cancel));
        Assert.Equal(IdempotencyStatus.InProgress, (await store.Idempotency.TryBeginAsync("fresh-key", "hash", Cancel)).Status);
    }
}
