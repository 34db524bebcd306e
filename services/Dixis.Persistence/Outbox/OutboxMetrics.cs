using System.Diagnostics.Metrics;

namespace Dixis.Persistence.Outbox;

/// <summary>
/// The outbox's metrics (meter <c>Dixis.Persistence</c>, exported by the service defaults at <c>/metrics</c>). A dead
/// letter is an effect that did not happen (a shipment not created, a refund not sent): alert on any increase.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Dixis.Persistence";

    /// <summary>The <c>reason</c> tag of a message whose handler reported a failure that retrying cannot fix.</summary>
    public const string PermanentFailure = "permanent_failure";

    /// <summary>The <c>reason</c> tag of a message that failed transiently <see cref="OutboxOptions.MaxAttempts"/> times.</summary>
    public const string AttemptsExhausted = "attempts_exhausted";

    private readonly Counter<long> deadLetters;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        deadLetters = meter.CreateCounter<long>(
            "dixis.outbox.dead_letters",
            unit: "{message}",
            description: "Outbox messages parked as dead letters: no longer retried until an operator requeues them.");
    }

    /// <summary>Counts one dead letter, tagged with its message type (a constant of the code, so few values) and the reason.</summary>
    public void DeadLettered(string messageType, string reason) =>
        deadLetters.Add(1, new KeyValuePair<string, object?>("message_type", messageType), new KeyValuePair<string, object?>("reason", reason));
}
