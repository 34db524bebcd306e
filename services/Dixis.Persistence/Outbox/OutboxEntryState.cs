namespace Dixis.Persistence.Outbox;

/// <summary>What the store knows about one outbox message.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Type">The message type.</param>
/// <param name="Attempts">Deliveries tried so far (since the last requeue, for a requeued dead letter).</param>
/// <param name="DueAt">When it is (or was) due for its next delivery; <see cref="OutboxDeadLetters.NeverDue"/> for a dead letter.</param>
/// <param name="CompletedAt">When it was delivered, or null while pending.</param>
/// <param name="LastError">The error of the last failed delivery, if any.</param>
/// <param name="DeadLetteredAt">When it was parked as a dead letter, or null when it is not one.</param>
public sealed record OutboxEntryState(
    string Id,
    string Type,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    string? LastError,
    DateTimeOffset? DeadLetteredAt = null)
{
    /// <summary>True while the message is parked: not retried until requeued.</summary>
    public bool IsDeadLetter => DeadLetteredAt is not null;
}
