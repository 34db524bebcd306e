namespace Dixis.Orders.Webhooks;

/// <summary>The 200 answer to a verified event: its id and what became of it (<c>applied</c>, <c>duplicate</c>, …).</summary>
public sealed record StripeWebhookReply(string EventId, string Result);
