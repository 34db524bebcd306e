namespace Dixis.Orders.Webhooks;

/// <summary>
/// A Stripe webhook event that was handled (document id: the event id, <c>evt_…</c>). Its presence makes a redelivery
/// of the same event a no-op; it is written only after the event's effect succeeded, so a failed attempt stays
/// retryable.
/// </summary>
/// <param name="Type">The event type, e.g. <c>payment_intent.succeeded</c>.</param>
/// <param name="PaymentIntentId">The PaymentIntent the event was about, when it was about one.</param>
/// <param name="OrderId">The order it applied to, when there was one.</param>
/// <param name="PaymentIntentStatus">The intent's status as re-read from Stripe when the event was handled.</param>
/// <param name="EventCreateTimeMs">When Stripe created the event (Unix milliseconds).</param>
/// <param name="ProcessTimeMs">When Dixis handled it (Unix milliseconds).</param>
public sealed record StripeEventRecord(
    string Type,
    string? PaymentIntentId,
    string? OrderId,
    string? PaymentIntentStatus,
    long EventCreateTimeMs,
    long ProcessTimeMs)
{
    /// <summary>The collection of handled events.</summary>
    public const string CollectionName = "stripe_events";
}
