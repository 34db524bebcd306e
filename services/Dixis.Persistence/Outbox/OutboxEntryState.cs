namespace Dixis.Persistence.Outbox;

/// <summary>What the store knows about one outbox message.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Type">The message type.</param>
/// <param name="Attempts">Deliveries tried so far.</param>
/// <param name="DueAt">When it is (or was) due for its next delivery.</param>
/// <param name="CompletedAt">When it was delivered, or null while pending.</param>
/// <param name="LastError">The error of the last failed delivery, if any.</param>
public sealed record OutboxEntryState(
    string Id,
    string Type,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    string? LastError);
