namespace Dixis.Persistence.Outbox;

/// <summary>The limits every adapter enforces on enqueued messages.</summary>
internal static class OutboxMessageValidator
{
    public const int MaxTypeLength = 200;
    public const int MaxPayloadBytes = 1024 * 1024;

    public static void Validate(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Type) || message.Type.Length > MaxTypeLength)
        {
            throw new ArgumentException($"Outbox message type must be 1 to {MaxTypeLength} characters.", nameof(message));
        }

        if (message.Payload is null || message.Payload.Length > MaxPayloadBytes)
        {
            throw new ArgumentException($"Outbox message payload must be present and at most {MaxPayloadBytes} bytes.", nameof(message));
        }

        if (message.NotBefore >= OutboxDeadLetters.NeverDue)
        {
            // That due time marks a dead letter.
            throw new ArgumentException("Outbox message NotBefore must be before the end of year 9999.", nameof(message));
        }
    }
}
