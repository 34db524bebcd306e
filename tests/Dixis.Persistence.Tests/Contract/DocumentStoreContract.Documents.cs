using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Inserted_document_reads_back_at_version_1()
    {
        var stock = await StockAsync();
        var inserted = await stock.InsertAsync("p1", Item("SKU-1"), Cancel);

        var read = await stock.GetAsync("p1", Cancel);

        Assert.Equal(1, inserted.Version);
        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(Item("SKU-1"), read.Value);
        Assert.Null(await stock.GetAsync("missing", Cancel));
    }

    [Fact]
    public async Task Inserting_a_taken_id_fails_with_a_typed_error_and_keeps_the_first()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1"), Cancel);

        var error = await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => stock.InsertAsync("p1", Item("SKU-2"), Cancel));

        Assert.Equal("p1", error.Id);
        Assert.Equal("SKU-1", (await stock.GetAsync("p1", Cancel))!.Value.Sku);
    }

    [Fact]
    public async Task A_unique_index_refuses_a_second_document_with_the_same_value()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1"), Cancel);

        var error = await Assert.ThrowsAsync<UniqueIndexViolationException>(() => stock.InsertAsync("p2", Item("SKU-1"), Cancel));

        Assert.Equal("ux_stock_sku", error.Index);
        Assert.Null(await stock.GetAsync("p2", Cancel));
    }

    [Fact]
    public async Task Replace_at_the_current_version_bumps_it_and_a_stale_version_conflicts()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1"), Cancel);

        var replaced = await stock.ReplaceAsync("p1", Item("SKU-1", available: 7), expectedVersion: 1, Cancel);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => stock.ReplaceAsync("p1", Item("SKU-1", available: 3), expectedVersion: 1, Cancel));
        await Assert.ThrowsAsync<DocumentNotFoundException>(() => stock.ReplaceAsync("nope", Item("SKU-9"), 1, Cancel));

        Assert.Equal(2, replaced.Version);
        Assert.Equal(1, stale.ExpectedVersion);
        var read = await stock.GetAsync("p1", Cancel);
        Assert.Equal((2L, 7L), (read!.Version, read.Value.Available));
    }

    [Fact]
    public async Task Concurrent_writers_at_the_same_version_exactly_one_wins()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1", available: 0), Cancel);
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(1, 8).Select(writer => Task.Run(async () =>
        {
            start.Wait(Cancel);
            try
            {
                await stock.ReplaceAsync("p1", Item("SKU-1", available: writer), expectedVersion: 1, Cancel);
                return (Writer: writer, Won: true);
            }
            catch (ConcurrencyConflictException)
            {
                return (Writer: writer, Won: false);
            }
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(writers);

        var winner = Assert.Single(outcomes, o => o.Won);
        var read = await stock.GetAsync("p1", Cancel);
        Assert.Equal(2, read!.Version);
        Assert.Equal(winner.Writer, read.Value.Available);
    }

    [Fact]
    public async Task Delete_honours_the_expected_version()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1"), Cancel);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stock.DeleteAsync("p1", expectedVersion: 5, Cancel));
        Assert.True(await stock.DeleteAsync("p1", expectedVersion: 1, Cancel));
        Assert.False(await stock.DeleteAsync("p1", cancellationToken: Cancel));
        Assert.Null(await stock.GetAsync("p1", Cancel));
    }

    [Fact]
    public async Task Conditional_decrement_never_takes_stock_below_zero_under_100_parallel_callers()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1", available: 50), Cancel);
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await stock.UpdateIfAsync("p1", Filter.Gte("available", 1), Update.Inc("available", -1), Cancel);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(50, results.Count(applied => applied));
        var read = await stock.GetAsync("p1", Cancel);
        Assert.Equal(0, read!.Value.Available);
        Assert.Equal(51, read.Version);
    }

    [Fact]
    public async Task Conditional_update_reports_a_missing_document_or_a_false_condition_and_changes_nothing()
    {
        var stock = await StockAsync();
        await stock.InsertAsync("p1", Item("SKU-1", available: 2), Cancel);

        Assert.False(await stock.UpdateIfAsync("missing", Filter.Gte("available", 1), Update.Inc("available", -1), Cancel));
        Assert.False(await stock.UpdateIfAsync("p1", Filter.Gte("available", 3), Update.Inc("available", -3), Cancel));
        Assert.True(await stock.UpdateIfAsync(
            "p1",
            Filter.And(Filter.Eq("active", true), Filter.Gte("available", 2)),
            Update.Combine(Update.Inc("available", -2), Update.Set("category", "sold-out"), Update.Set("active", false)),
            Cancel));

        var read = await stock.GetAsync("p1", Cancel);
        Assert.Equal(2, read!.Version);
        Assert.Equal(Item("SKU-1", available: 0, category: "sold-out") with { Active = false }, read.Value);
    }

    [Fact]
    public async Task Bad_ids_are_refused_with_a_precise_error()
    {
        var stock = await StockAsync();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => stock.InsertAsync("", Item("SKU-1"), Cancel));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => stock.GetAsync(new string('x', 257), Cancel));

        Assert.Equal("id", empty.ParamName);
        Assert.Contains("maximum is 256", tooLong.Message, StringComparison.Ordinal);
    }
}
