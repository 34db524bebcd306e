namespace Dixis.Persistence.Outbox;

/// <summary>
/// A message to deliver after the transaction that enqueued it commits. <see cref="Type"/> selects the
/// handler; <see cref="Payload"/> is whatever the handler expects (protobuf bytes, JSON, …).
/// </summary>
public sealed record OutboxMessage(string Type, byte[] Payload)
{
    /// <summary>Deliver no earlier than this (default: at once).</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
