using System.Diagnostics;
using Dixis.Persistence.Idempotency;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Sqlite;
using Dixis.Persistence.Tests.Model;
using Microsoft.Data.Sqlite;

namespace Dixis.Persistence.Tests.Sqlite;

/// <summary>What only the embedded engine promises: its file settings and its speed.</summary>
public sealed class SqliteStoreTests : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dixis-sqlite-").FullName;
    private readonly SqliteDocumentStore store;

    public SqliteStoreTests()
    {
        store = new SqliteDocumentStore(Path.Combine(directory, "orders.db"), TestCollections.Definition, new PersistenceOptions(), TimeProvider.System);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_the_declared_expression_indexes()
    {
        await store.InitializeAsync(Cancel);

        await using var connection = new SqliteConnection($"Data Source={store.FilePath};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string?)await command.ExecuteScalarAsync(Cancel);
        command.CommandText = "EXPLAIN QUERY PLAN SELECT id FROM stock WHERE json_extract(body, '$.price') > 10";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var plan = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Equal("wal", mode);
        Assert.Contains(plan, step => step.Contains("USING INDEX ix_stock_price", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_connection_the_store_hands_out_has_its_busy_timeout_and_synchronous_setting_also_when_reused_from_the_pool()
    {
        var options = new PersistenceOptions();
        for (var call = 0; call < 3; call++)
        {
            // Sequential reads reuse one pooled handle; the settings are applied on its first open only.
            var (synchronous, busyTimeoutMs) = await store.ReadAsync(null, async (connection, _) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous";
                var mode = (long)(await command.ExecuteScalarAsync(Cancel))!;
                command.CommandText = "PRAGMA busy_timeout";
                return (mode, (long)(await command.ExecuteScalarAsync(Cancel))!);
            }, Cancel);

            Assert.Equal(1, synchronous); // NORMAL
            Assert.Equal((long)options.BusyTimeout.TotalMilliseconds, busyTimeoutMs);
        }
    }

    [Fact]
    public async Task Claims_and_dead_letter_counts_read_the_due_index_not_the_table()
    {
        await store.InitializeAsync(Cancel);

        var claim = await QueryPlanAsync("""
            SELECT id FROM _outbox WHERE completed_at IS NULL AND due_at <= 5 AND (lease_until IS NULL OR lease_until <= 5) ORDER BY due_at, id LIMIT 32
            """);
        var count = await QueryPlanAsync($"SELECT count(*) FROM _outbox WHERE completed_at IS NULL AND due_at = {OutboxDeadLetters.NeverDue.ToUnixTimeMilliseconds()}");

        Assert.Contains(claim, step => step.Contains("USING INDEX ix__outbox_due (due_at<?)", StringComparison.Ordinal));
        Assert.Contains(count, step => step.Contains("USING INDEX ix__outbox_due (due_at=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_from_before_dead_letters_is_upgraded_at_start_and_keeps_its_pending_messages()
    {
        var path = Path.Combine(directory, "old.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync(Cancel);
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE _outbox (
                    id TEXT NOT NULL PRIMARY KEY, type TEXT NOT NULL, payload BLOB NOT NULL, enqueued_at INTEGER NOT NULL,
                    due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_until INTEGER,
                    completed_at INTEGER, last_error TEXT);
                CREATE INDEX ix__outbox_due ON _outbox (due_at, id) WHERE completed_at IS NULL;
                INSERT INTO _outbox (id, type, payload, enqueued_at, due_at) VALUES ('m-1', 'orders.create-shipment', x'01', 0, 0);
                """;
            await command.ExecuteNonQueryAsync(Cancel);
        }

        await using var upgraded = new SqliteDocumentStore(path, TestCollections.Definition, new PersistenceOptions(), TimeProvider.System);
        await upgraded.InitializeAsync(Cancel);
        var now = TimeProvider.System.GetUtcNow();
        var claimed = await upgraded.OutboxQueue.ClaimAsync("dispatcher", 10, now, now.AddMinutes(1), Cancel);
        var parked = await upgraded.OutboxQueue.DeadLetterAsync("m-1", "dispatcher", now, "RpcException NotFound: no order", Cancel);

        Assert.Equal("m-1", Assert.Single(claimed).Id);
        Assert.True(parked);
        Assert.Equal(1, await upgraded.OutboxQueue.CountDeadLettersAsync(Cancel));
        Assert.True((await upgraded.OutboxQueue.FindAsync("m-1", Cancel))!.IsDeadLetter);
    }

    [Fact]
    public async Task Disposing_the_store_releases_every_pooled_handle_on_the_file()
    {
        var stock = store.Collection<StockItem>(TestCollections.Stock);
        await stock.InsertAsync("p1", new StockItem("SKU-1", "Oil", 1, 100), Cancel);
        await store.DisposeAsync();
        foreach (var file in Directory.GetFiles(directory, "orders.db*"))
        {
            File.Delete(file);
        }

        // A pooled handle would still see the deleted file's data through the same connection string.
        await using var fresh = new SqliteDocumentStore(store.FilePath, TestCollections.Definition, new PersistenceOptions(), TimeProvider.System);

        Assert.Null(await fresh.Collection<StockItem>(TestCollections.Stock).GetAsync("p1", Cancel));
    }

    [Fact]
    public async Task A_write_outside_a_running_transaction_waits_for_it_then_fails_with_a_precise_error()
    {
        await using var impatient = new SqliteDocumentStore(
            Path.Combine(directory, "impatient.db"), TestCollections.Definition, new PersistenceOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);
        var stock = impatient.Collection<StockItem>(TestCollections.Stock);
        await using var transaction = await impatient.BeginTransactionAsync(Cancel);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => stock.InsertAsync("p1", new StockItem("SKU-1", "Oil", 1, 100), Cancel));

        Assert.True(transaction.IsAtomic);
        Assert.Contains("write lock of 'impatient.db' was not free within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_placement_of_a_few_writes_and_an_outbox_message_takes_well_under_5_ms()
    {
        var stock = store.Collection<StockItem>(TestCollections.Stock);
        await stock.InsertAsync("sku-a", new StockItem("SKU-A", "Oil", 1_000_000, 1250), Cancel);
        await stock.InsertAsync("sku-b", new StockItem("SKU-B", "Honey", 1_000_000, 900), Cancel);
        var timings = new List<double>();

        for (var i = 0; i < 320; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var key = $"order-key-{i}";
            Assert.Equal(IdempotencyStatus.Started, (await store.Idempotency.TryBeginAsync(key, "fingerprint", Cancel)).Status);
            await using (var transaction = await store.BeginTransactionAsync(Cancel))
            {
                var inTransaction = stock.In(transaction);
                Assert.True(await inTransaction.UpdateIfAsync("sku-a", Filter.Gte("available", 2), Update.Inc("available", -2), Cancel));
                Assert.True(await inTransaction.UpdateIfAsync("sku-b", Filter.Gte("available", 1), Update.Inc("available", -1), Cancel));
                await inTransaction.InsertAsync($"order-{i}", new StockItem($"ORDER-{i}", "order", 0, 3400), Cancel);
                await store.Outbox.In(transaction).EnqueueAsync(new OutboxMessage("orders.placed", new byte[256]), Cancel);
                await store.Idempotency.In(transaction).CompleteAsync(key, new byte[128], Cancel);
                await transaction.CommitAsync(Cancel);
            }

            if (i >= 20)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        TestContext.Current.SendDiagnosticMessage($"order placement on SQLite: p50 {median:0.000} ms, p99 {timings[(int)(timings.Count * 0.99)]:0.000} ms");
        Assert.True(median < 5, $"median order placement took {median:0.000} ms, p99 {timings[(int)(timings.Count * 0.99)]:0.000}, over 5 ms: {timings.Count(t => t > 5)}");
        Assert.Equal(1_000_000 - 640, (await stock.GetAsync("sku-a", Cancel))!.Value.Available);
    }

    private async Task<List<string>> QueryPlanAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={store.FilePath};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var plan = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
