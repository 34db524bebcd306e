using Dixis.Persistence.Outbox;
using Grpc.Core;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    private const string CreateShipment = "orders.create-shipment";

    [Fact]
    public async Task A_permanent_failure_is_parked_as_a_dead_letter_after_one_attempt_and_counted()
    {
        var store = await OpenAsync();
        using var deadLetters = DeadLetterCounter();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [1]), Cancel);
        var refusal = new RpcException(
            new Status(StatusCode.InvalidArgument, "destination.postal_code: must be 5 digits"),
            new Metadata { { "authorization", "Bearer secret-token" } });
        var handler = new RecordingHandler(CreateShipment, _ => refusal);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);
        var parkedAt = Time.GetUtcNow();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));

        Assert.Equal(1, handler.Calls);
        var state = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.True(state!.IsDeadLetter);
        Assert.Equal(parkedAt, state.DeadLetteredAt);
        Assert.Equal(1, state.Attempts);
        Assert.Null(state.CompletedAt);
        Assert.Equal("RpcException InvalidArgument: destination.postal_code: must be 5 digits", state.LastError);
        Assert.Equal(1, await store.OutboxQueue.CountDeadLettersAsync(Cancel));
        var counted = Assert.Single(deadLetters.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal(CreateShipment, counted.Tags["message_type"]);
        Assert.Equal(OutboxMetrics.PermanentFailure, counted.Tags["reason"]);
    }

    [Theory]
    [InlineData("explicit")]
    [InlineData("unreadable-payload")]
    [InlineData("not-found")]
    [InlineData("failed-precondition")]
    [InlineData("permission-denied")]
    public async Task Every_kind_of_permanent_failure_parks_the_message_at_once(string kind)
    {
        var store = await OpenAsync();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [0xFF, 0xFF]), Cancel);
        var handler = new RecordingHandler(CreateShipment, _ => kind switch
        {
            "explicit" => new PermanentOutboxFailureException("refund id missing from payload"),
            "unreadable-payload" => Record.Exception(() => Google.Protobuf.WellKnownTypes.Timestamp.Parser.ParseFrom(new byte[] { 0xFF, 0xFF })),
            "not-found" => new RpcException(new Status(StatusCode.NotFound, "no order 'o-1'")),
            "failed-precondition" => new RpcException(new Status(StatusCode.FailedPrecondition, "the hold expired")),
            _ => new RpcException(new Status(StatusCode.PermissionDenied, "not an internal caller")),
        });

        await Dispatcher(store.OutboxQueue, handler).DispatchDueAsync(Cancel);

        Assert.True((await store.OutboxQueue.FindAsync(id, Cancel))!.IsDeadLetter);
    }

    [Fact]
    public async Task A_transient_failure_keeps_retrying_with_back_off_and_is_delivered_later()
    {
        var store = await OpenAsync();
        using var deadLetters = DeadLetterCounter();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [1]), Cancel);
        Exception?[] failures =
        [
            new RpcException(new Status(StatusCode.Unavailable, "shipping is restarting")),
            new RpcException(new Status(StatusCode.DeadlineExceeded, "deadline")),
            new RpcException(new Status(StatusCode.ResourceExhausted, "rate limited")),
            new RpcException(new Status(StatusCode.Aborted, "concurrent change")),
            new RpcException(new Status(StatusCode.Internal, "stream reset")),
            new TimeoutException("timed out"),
            new IOException("connection reset"),
        ];
        var handler = new RecordingHandler(CreateShipment, call => call <= failures.Length ? failures[call - 1] : null);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);

        for (var attempt = 1; attempt <= failures.Length; attempt++)
        {
            Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
            var waiting = await store.OutboxQueue.FindAsync(id, Cancel);
            Assert.False(waiting!.IsDeadLetter);
            Assert.Equal(Time.GetUtcNow() + OutboxBackoff.After(attempt, Settings.Outbox), waiting.DueAt);
            Time.Advance(OutboxBackoff.After(attempt, Settings.Outbox));
        }

        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));

        Assert.Equal(failures.Length + 1, Assert.Single(handler.Delivered).Attempt);
        Assert.NotNull((await store.OutboxQueue.FindAsync(id, Cancel))!.CompletedAt);
        Assert.Equal(0, await store.OutboxQueue.CountDeadLettersAsync(Cancel));
        Assert.Empty(deadLetters.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_message_failing_transiently_max_attempts_times_is_parked()
    {
        Settings.Outbox.MaxAttempts = 3;
        var store = await OpenAsync();
        using var deadLetters = DeadLetterCounter();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [1]), Cancel);
        var handler = new RecordingHandler(CreateShipment, _ => new RpcException(new Status(StatusCode.Unavailable, "shipping is down")));
        var dispatcher = Dispatcher(store.OutboxQueue, handler);

        for (var round = 0; round < 10; round++)
        {
            await dispatcher.DispatchDueAsync(Cancel);
            Time.Advance(Settings.Outbox.MaxBackoff);
        }

        Assert.Equal(3, handler.Calls);
        var state = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.True(state!.IsDeadLetter);
        Assert.Equal(3, state.Attempts);
        Assert.Equal("RpcException Unavailable: shipping is down", state.LastError);
        Assert.Equal(OutboxMetrics.AttemptsExhausted, Assert.Single(deadLetters.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task A_message_without_a_handler_is_a_dead_letter_naming_the_type()
    {
        var store = await OpenAsync();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage("nobody.listens", [1]), Cancel);

        await Dispatcher(store.OutboxQueue, new RecordingHandler(ReserveStock)).DispatchDueAsync(Cancel);

        var state = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.True(state!.IsDeadLetter);
        Assert.Equal("PermanentOutboxFailureException: No outbox handler is registered for message type 'nobody.listens'.", state.LastError);
    }

    [Fact]
    public async Task A_dead_letter_is_never_redelivered_until_requeued_and_then_is_delivered_once()
    {
        var store = await OpenAsync();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [4, 2]), Cancel);
        var handler = new RecordingHandler(CreateShipment, call => call == 1 ? new RpcException(new Status(StatusCode.NotFound, "no rate table for zone")) : null);
        var dispatcher = Dispatcher(store.OutboxQueue, handler);
        await dispatcher.DispatchDueAsync(Cancel);
        Time.Advance(Settings.Outbox.Retention + TimeSpan.FromDays(1));

        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));
        Assert.Equal(0, await store.OutboxQueue.PurgeCompletedAsync(Time.GetUtcNow(), Cancel));
        Assert.True(await store.OutboxQueue.RequeueDeadLetterAsync(id, Time.GetUtcNow(), Cancel));
        var requeued = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Cancel));

        Assert.False(requeued!.IsDeadLetter);
        Assert.Equal((0, Time.GetUtcNow() - TimeSpan.FromHours(1)), (requeued.Attempts, requeued.DueAt));
        var delivered = Assert.Single(handler.Delivered);
        Assert.Equal([4, 2], delivered.Payload);
        Assert.Equal(1, delivered.Attempt);
        Assert.Equal(2, handler.Calls);
        Assert.NotNull((await store.OutboxQueue.FindAsync(id, Cancel))!.CompletedAt);
        Assert.Equal(0, await store.OutboxQueue.CountDeadLettersAsync(Cancel));
        Assert.False(await store.OutboxQueue.RequeueDeadLetterAsync(id, Time.GetUtcNow(), Cancel));
    }

    [Fact]
    public async Task Requeueing_a_type_takes_only_its_dead_letters_and_a_pending_or_unknown_message_is_not_requeued()
    {
        var store = await OpenAsync();
        var shipments = new[]
        {
            await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [1]), Cancel),
            await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [2]), Cancel),
        };
        var refund = await store.Outbox.EnqueueAsync(new OutboxMessage("orders.execute-refund", [3]), Cancel);
        var refuse = new Func<int, Exception?>(_ => new PermanentOutboxFailureException("refused"));
        await Dispatcher(store.OutboxQueue, new RecordingHandler(CreateShipment, refuse), new RecordingHandler("orders.execute-refund", refuse)).DispatchDueAsync(Cancel);
        var pending = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [4]), Cancel);

        Assert.False(await store.OutboxQueue.RequeueDeadLetterAsync(pending, Time.GetUtcNow(), Cancel));
        Assert.False(await store.OutboxQueue.RequeueDeadLetterAsync("no-such-message", Time.GetUtcNow(), Cancel));
        Assert.Equal(2, await store.OutboxQueue.RequeueDeadLettersAsync(CreateShipment, Time.GetUtcNow(), Cancel));
        Assert.Equal(0, await store.OutboxQueue.RequeueDeadLettersAsync(CreateShipment, Time.GetUtcNow(), Cancel));

        Assert.Equal(1, await store.OutboxQueue.CountDeadLettersAsync(Cancel));
        Assert.Equal([refund], (await store.OutboxQueue.ListDeadLettersAsync(10, cancellationToken: Cancel)).Select(d => d.Id));
        var handler = new RecordingHandler(CreateShipment);
        Assert.Equal(3, await Dispatcher(store.OutboxQueue, handler).DispatchDueAsync(Cancel));
        Assert.Equal(new[] { shipments[0], shipments[1], pending }.Order(StringComparer.Ordinal), handler.Delivered.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dead_letters_are_listed_oldest_parked_first_by_type_without_their_payload_state_lost()
    {
        var store = await OpenAsync();
        var refuse = new Func<int, Exception?>(call => new PermanentOutboxFailureException($"refused #{call}"));
        var handlers = new[] { new RecordingHandler(CreateShipment, refuse), new RecordingHandler(ReserveStock, refuse) };
        var ids = new List<string>();
        foreach (var type in new[] { CreateShipment, ReserveStock, CreateShipment })
        {
            ids.Add(await store.Outbox.EnqueueAsync(new OutboxMessage(type, [1]), Cancel));
            await Dispatcher(store.OutboxQueue, handlers).DispatchDueAsync(Cancel);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var all = await store.OutboxQueue.ListDeadLettersAsync(10, cancellationToken: Cancel);
        var firstTwo = await store.OutboxQueue.ListDeadLettersAsync(2, cancellationToken: Cancel);
        var shipments = await store.OutboxQueue.ListDeadLettersAsync(10, CreateShipment, Cancel);

        Assert.Equal(ids, all.Select(d => d.Id));
        Assert.Equal(ids[..2], firstTwo.Select(d => d.Id));
        Assert.Equal([ids[0], ids[2]], shipments.Select(d => d.Id));
        Assert.Equal(["PermanentOutboxFailureException: refused #1", "PermanentOutboxFailureException: refused #2"], shipments.Select(d => d.LastError));
        Assert.All(all, d => Assert.Equal(OutboxDeadLetters.NeverDue, d.DueAt));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OutboxQueue.ListDeadLettersAsync(0, cancellationToken: Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OutboxQueue.ListDeadLettersAsync(OutboxDeadLetters.MaxListCount + 1, cancellationToken: Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OutboxQueue.RequeueDeadLettersAsync(" ", Time.GetUtcNow(), Cancel));
    }

    [Fact]
    public async Task A_dispatcher_whose_lease_expired_does_not_park_the_message_another_one_owns()
    {
        var store = await OpenAsync();
        var id = await store.Outbox.EnqueueAsync(new OutboxMessage(CreateShipment, [1]), Cancel);
        var now = Time.GetUtcNow();
        await store.OutboxQueue.ClaimAsync("slow-dispatcher", 10, now, now + Settings.Outbox.LeaseDuration, Cancel);
        Time.Advance(Settings.Outbox.LeaseDuration);
        var handler = new RecordingHandler(CreateShipment);
        await Dispatcher(store.OutboxQueue, handler).DispatchDueAsync(Cancel);

        Assert.False(await store.OutboxQueue.DeadLetterAsync(id, "slow-dispatcher", Time.GetUtcNow(), "too late", Cancel));

        var state = await store.OutboxQueue.FindAsync(id, Cancel);
        Assert.False(state!.IsDeadLetter);
        Assert.NotNull(state.CompletedAt);
    }

    private MetricCollector<long> DeadLetterCounter() => new(MeterFactory, OutboxMetrics.MeterName, "dixis.outbox.dead_letters");
}
