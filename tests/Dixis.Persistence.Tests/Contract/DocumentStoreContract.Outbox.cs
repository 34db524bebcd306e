using System.Text;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Tests.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    private const string ReserveStock = "catalog.reserve-stock";

    [Fact]
    public async Task An_outbox_message_survives_a_restart_and_is_delivered_exactly_once()
    {
        var first = await OpenAsync();
        await using (var transaction = await first.BeginTransactionAsync(Cancel))
        {
            await first.Collection<StockItem>(TestCollections.Stock).In(transaction).InsertAsync("p1", Item("SKU-1"), Cancel);
            await first.Outbox.In(transaction).EnqueueAsync(new OutboxMessage(ReserveStock, Encoding.UTF8.GetBytes("order-1")), Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await first.DisposeAsync();

        var restarted = await OpenAsync();
        var handler = new RecordingHandler(ReserveStock);
        var dispatcher = Dispatcher(restarted.OutboxQueue, handler);

        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));

        var delivered = Assert.Single(handler.Delivered);
        Assert.Equal("order-1", Encoding.UTF8.GetString(delivered.Payload));
        Assert.Equal(1, delivered.Attempt);
        var state = await restarted.OutboxQueue.FindAsync(delivered.Id, Cancel);
        Assert.NotNull(state!.CompletedAt);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_exponential_back_off_and_the_error_is_recorded()
    {
        var store = await OpenAsync();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, [1, 2, 3]), Cancel);
        var handler = new RecordingHandler(ReserveStock, failures: 2);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);
        var start = Time.GetUtcNow();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        var afterFirst = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.Equal(start + TimeSpan.FromSeconds(1), afterFirst!.DueAt);
        Assert.Equal("InvalidOperationException: carrier unavailable (attempt 1)", afterFirst.LastError);

        Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        var afterSecond = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(2), afterSecond!.DueAt);

        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        var delivered = Assert.Single(handler.Delivered);
        Assert.Equal(3, delivered.Attempt);
        Assert.Equal(3, handler.Calls);
        var done = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.Equal(3, done!.Attempts);
        Assert.NotNull(done.CompletedAt);
    }

    [Fact]
    public async Task A_message_claimed_by_a_crashed_dispatcher_is_delivered_after_its_lease_expires()
    {
        var store = await OpenAsync();
        await store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, [7]), Cancel);
        var now = Time.GetUtcNow();
        var crashed = await store.OutboxQueue.ClaimAsync("crashed-dispatcher", 10, now, now + Settings.Outbox.LeaseDuration, Cancel);
        Assert.Single(crashed);
        var handler = new RecordingHandler(ReserveStock);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(Settings.Outbox.LeaseDuration);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));

        Assert.Equal(2, Assert.Single(handler.Delivered).Attempt);
    }

    [Fact]
    public async Task A_message_with_a_later_due_time_waits_for_it()
    {
        var store = await OpenAsync();
        await store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, [1]) { NotBefore = Time.GetUtcNow().AddMinutes(5) }, Cancel);
        var handler = new RecordingHandler(ReserveStock);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
    }

    [Fact]
    public async Task Bad_outbox_messages_are_refused()
    {
        var store = await OpenAsync();

        var noType = await Assert.ThrowsAsync<ArgumentException>(() => store.Outbox.EnqueueAsync(new OutboxMessage(" ", [1]), Cancel));
        var tooBig = await Assert.ThrowsAsync<ArgumentException>(
            () => store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, new byte[(1024 * 1024) + 1]), Cancel));

        Assert.Contains("type must be 1 to 200 characters", noType.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1048576 bytes", tooBig.Message, StringComparison.Ordinal);
        var never = await Assert.ThrowsAsync<ArgumentException>(
            () => store.Outbox.EnqueueAsync(new OutboxMessage(ReserveStock, [1]) { NotBefore = DateTimeOffset.MaxValue }, Cancel));
        Assert.Contains("NotBefore must be before the end of year 9999", never.Message, StringComparison.Ordinal);
    }

    private OutboxDispatcher Dispatcher(IOutboxQueue queue, params IOutboxHandler[] handlers) =>
        new(queue, handlers, Microsoft.Extensions.Options.Options.Create(Settings), Time, new OutboxMetrics(MeterFactory), NullLogger<OutboxDispatcher>.Instance);
}
