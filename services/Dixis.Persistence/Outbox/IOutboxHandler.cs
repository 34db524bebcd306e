namespace Dixis.Persistence.Outbox;

/// <summary>
/// Delivers outbox messages of one type. Delivery is at least once: a crash after the effect but before the
/// message is marked done delivers it again, so a handler must be idempotent (e.g. pass
/// <see cref="OutboxEnvelope.Id"/> as the idempotency key of the call it makes). Throwing reschedules the
/// message with exponential back-off, unless the failure is permanent (<see cref="OutboxFailureClassifier"/>: a gRPC
/// refusal such as NOT_FOUND or INVALID_ARGUMENT, an unreadable protobuf payload, or
/// <see cref="PermanentOutboxFailureException"/> thrown on purpose): then the message becomes a dead letter at once.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The <see cref="OutboxMessage.Type"/> this handler delivers.</summary>
    string MessageType { get; }

    Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken);
}
