using System.Diagnostics.Metrics;
using Dixis.Outbox.Cli;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Sqlite;
using Dixis.Persistence.Tests.Contract;
using Dixis.Persistence.Tests.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Persistence.Tests.Tools;

/// <summary>dixis-outbox as an operator runs it against a service's SQLite file, next to the service's own store.</summary>
public sealed class OutboxToolTests : IAsyncDisposable
{
    private const string CreateShipment = "orders.create-shipment";
    private const string ExecuteRefund = "orders.execute-refund";

    private readonly string directory = Directory.CreateTempSubdirectory("dixis-outbox-tool-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SqliteDocumentStore service;

    public OutboxToolTests()
    {
        var definition = new Definitions.DocumentStoreBuilder("orders").Collection<StockItem>(TestCollections.Stock).Build();
        service = new SqliteDocumentStore(Path.Combine(directory, "orders.db"), definition, new PersistenceOptions(), time);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await service.DisposeAsync();
        await meters.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task List_shows_the_count_and_each_dead_letter_with_its_type_attempts_time_and_error()
    {
        var shipment = await ParkAsync(CreateShipment, "RpcException NotFound: no rate table for zone 'remote'");
        time.Advance(TimeSpan.FromMinutes(5));
        var refund = await ParkAsync(ExecuteRefund, "payload has no refund id");

        var all = await RunAsync("list", "orders", "--data-directory", directory);
        var refunds = await RunAsync("list", "orders", "--type", ExecuteRefund, "--data-directory", directory);

        Assert.Equal(ExitCodes.Success, all.ExitCode);
        Assert.Equal(
            [
                $"2 dead letter(s) in {service.FilePath}; showing 2.",
                $"{shipment}  {CreateShipment}  attempts 1  parked 2026-11-24T09:00:00Z",
                "    PermanentOutboxFailureException: RpcException NotFound: no rate table for zone 'remote'",
                $"{refund}  {ExecuteRefund}  attempts 1  parked 2026-11-24T09:05:00Z",
                "    PermanentOutboxFailureException: payload has no refund id",
            ],
            all.Lines);
        Assert.Equal($"2 dead letter(s) in {service.FilePath}; showing 1 of type {ExecuteRefund}.", refunds.Lines[0]);
        Assert.Equal(3, refunds.Lines.Length);
    }

    [Fact]
    public async Task Requeue_by_id_makes_the_dead_letter_due_so_the_service_delivers_it_once()
    {
        var id = await ParkAsync(CreateShipment, "shipping refused");
        var handler = new RecordingHandler(CreateShipment);

        var requeue = await RunAsync("requeue", "orders", "--id", id, "--data-directory", directory);
        var first = await Dispatcher(handler).DispatchDueAsync(Cancel);
        var again = await RunAsync("requeue", "orders", "--id", id, "--data-directory", directory);

        Assert.Equal((ExitCodes.Success, $"Requeued {id}."), (requeue.ExitCode, requeue.Output.Trim()));
        Assert.Equal(1, first);
        Assert.Equal(id, Assert.Single(handler.Delivered).Id);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains($"{id} is not a dead letter", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requeue_by_type_takes_every_dead_letter_of_that_type_only()
    {
        await ParkAsync(CreateShipment, "refused");
        await ParkAsync(CreateShipment, "refused");
        await ParkAsync(ExecuteRefund, "refused");

        var requeue = await RunAsync("requeue", "orders", "--type", CreateShipment, "--data-directory", directory);

        Assert.Equal(ExitCodes.Success, requeue.ExitCode);
        Assert.Equal($"Requeued 2 dead letter(s) of type {CreateShipment} in {service.FilePath}.", requeue.Output.Trim());
        Assert.Equal(ExecuteRefund, Assert.Single(await service.OutboxQueue.ListDeadLettersAsync(10, cancellationToken: Cancel)).Type);
    }

    [Theory]
    [InlineData("requeue", "orders")]
    [InlineData("requeue", "orders", "--id", "x", "--type", CreateShipment)]
    [InlineData("requeue", "orders", "--type", " ")]
    [InlineData("list", "orders", "--max", "0")]
    [InlineData("list", "orders", "--max", "1001")]
    [InlineData("list")]
    [InlineData("list", "Orders Service")]
    public async Task A_wrong_command_line_is_refused_before_the_store_is_opened(params string[] args)
    {
        var result = await RunAsync([.. args, "--data-directory", Path.Combine(directory, "nowhere")]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("dixis-outbox: ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, "nowhere")));
    }

    [Fact]
    public async Task A_service_without_a_store_file_there_is_an_error_and_no_empty_store_is_created()
    {
        var result = await RunAsync("list", "shipping", "--data-directory", directory);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"No store of 'shipping' at {Path.Combine(directory, "shipping.db")}", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "shipping.db")));
    }

    [Fact]
    public async Task A_mongodb_server_that_does_not_answer_is_reported_in_one_line()
    {
        var result = await RunAsync("list", "orders", "--mongo", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(
            "dixis-outbox: no MongoDB server answered within the server selection timeout; check --mongo or ConnectionStrings__mongo.",
            result.Error.Trim());
    }

    /// <summary>Enqueues a message and lets the service's dispatcher park it with <paramref name="error"/>.</summary>
    private async Task<string> ParkAsync(string type, string error)
    {
        var id = await service.Outbox.EnqueueAsync(new OutboxMessage(type, [1]), Cancel);
        var refuse = new Func<int, Exception?>(_ => new PermanentOutboxFailureException(error));
        await Dispatcher(new RecordingHandler(CreateShipment, refuse), new RecordingHandler(ExecuteRefund, refuse)).DispatchDueAsync(Cancel);
        Assert.True((await service.OutboxQueue.FindAsync(id, Cancel))!.IsDeadLetter);
        return id;
    }

    private OutboxDispatcher Dispatcher(params IOutboxHandler[] handlers) => new(
        service.OutboxQueue,
        handlers,
        Microsoft.Extensions.Options.Options.Create(new PersistenceOptions()),
        time,
        new OutboxMetrics(meters.GetRequiredService<IMeterFactory>()),
        NullLogger<OutboxDispatcher>.Instance);

    private async Task<ToolRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OutboxCommandLine.RunAsync(args, output, error, time, Cancel);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record ToolRun(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }
}
