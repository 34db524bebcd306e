using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Tests.Model;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task A_committed_unit_of_work_applies_documents_outbox_and_idempotency_together()
    {
        var store = await OpenAsync();
        var stock = store.Collection<StockItem>(TestCollections.Stock);
        await stock.InsertAsync("p1", Item("SKU-1", available: 5), Cancel);
        await store.Idempotency.TryBeginAsync("order-key", "hash", Cancel);

        await using (var transaction = await store.BeginTransactionAsync(Cancel))
        {
            Assert.True(await stock.In(transaction).UpdateIfAsync("p1", Filter.Gte("available", 2), Update.Inc("available", -2), Cancel));
            await stock.In(transaction).InsertAsync("p2", Item("SKU-2"), Cancel);
            await store.Outbox.In(transaction).EnqueueAsync(new OutboxMessage("orders.placed", [1]), Cancel);
            await store.Idempotency.In(transaction).CompleteAsync("order-key", [9], Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(3, (await stock.GetAsync("p1", Cancel))!.Value.Available);
        Assert.NotNull(await stock.GetAsync("p2", Cancel));
        Assert.Equal(IdempotencyStatus.Completed, (await store.Idempotency.TryBeginAsync("order-key", "hash", Cancel)).Status);
        Assert.Single(await store.OutboxQueue.ClaimAsync("test", 10, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(1), Cancel));
    }

    [Fact]
    public async Task A_unit_of_work_disposed_without_commit_leaves_no_trace()
    {
        var store = await OpenAsync();
        var stock = store.Collection<StockItem>(TestCollections.Stock);
        await stock.InsertAsync("p1", Item("SKU-1", available: 5), Cancel);

        await using (var transaction = await store.BeginTransactionAsync(Cancel))
        {
            if (!transaction.IsAtomic)
            {
                Assert.Skip("The MongoDB server is standalone: it has no transactions, so rollback cannot be shown (units of work apply write by write).");
            }

            await stock.In(transaction).UpdateIfAsync("p1", Filter.Gte("available", 1), Update.Inc("available", -1), Cancel);
            await stock.In(transaction).InsertAsync("p2", Item("SKU-2"), Cancel);
            await store.Outbox.In(transaction).EnqueueAsync(new OutboxMessage("orders.placed", [1]), Cancel);
        }

        var p1 = await stock.GetAsync("p1", Cancel);
        Assert.Equal((1L, 5L), (p1!.Version, p1.Value.Available));
        Assert.Null(await stock.GetAsync("p2", Cancel));
        Assert.Empty(await store.OutboxQueue.ClaimAsync("test", 10, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(1), Cancel));
    }

    [Fact]
    public async Task A_unit_of_work_reads_its_own_writes_and_others_see_them_only_after_commit()
    {
        var store = await OpenAsync();
        var stock = store.Collection<StockItem>(TestCollections.Stock);
        await stock.InsertAsync("p1", Item("SKU-1", price: 100), Cancel);

        await using var transaction = await store.BeginTransactionAsync(Cancel);
        if (!transaction.IsAtomic)
        {
            Assert.Skip("The MongoDB server is standalone: it has no transactions, so isolation cannot be shown.");
        }

        var inside = stock.In(transaction);
        await inside.InsertAsync("p2", Item("SKU-2", price: 200), Cancel);
        Assert.True(await inside.DeleteAsync("p1", expectedVersion: 1, Cancel));
        var seenInside = await inside.QueryAsync(new Query { Filter = Filter.Gte("price", 0) }, Cancel);
        var seenOutside = await stock.QueryAsync(new Query { Filter = Filter.Gte("price", 0) }, Cancel);
        await transaction.CommitAsync(Cancel);
        var seenAfter = await stock.QueryAsync(new Query { Filter = Filter.Gte("price", 0) }, Cancel);

        Assert.Equal(["p2"], seenInside.Items.Select(d => d.Id));
        Assert.Equal(["p1"], seenOutside.Items.Select(d => d.Id));
        Assert.Equal(["p2"], seenAfter.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task A_transaction_of_another_store_is_refused()
    {
        var store = await OpenAsync();
        var other = await OpenAsync();
        await using var foreign = await other.BeginTransactionAsync(Cancel);

        var error = Assert.Throws<ArgumentException>(() => store.Collection<StockItem>(TestCollections.Stock).In(foreign));

        Assert.Equal("transaction", error.ParamName);
    }
}
