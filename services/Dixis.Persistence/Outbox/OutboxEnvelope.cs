namespace Dixis.Persistence.Outbox;

/// <summary>A claimed outbox message as a handler receives it.</summary>
/// <param name="Id">Unique per message: use it to de-duplicate, since delivery is at least once.</param>
/// <param name="Type">The message type that selected the handler.</param>
/// <param name="Payload">The bytes that were enqueued.</param>
/// <param name="Attempt">1 on the first delivery, then 2, 3, … after failures.</param>
/// <param name="EnqueuedAt">When the message was enqueued.</param>
public sealed record OutboxEnvelope(string Id, string Type, byte[] Payload, int Attempt, DateTimeOffset EnqueuedAt);
