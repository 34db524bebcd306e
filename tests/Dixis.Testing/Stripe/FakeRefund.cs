using System.Text.Json.Nodes;

namespace Dixis.Testing.Stripe;

/// <summary>A refund made through <see cref="FakeStripeApi"/>.</summary>
public sealed record FakeRefund(string Id, string PaymentIntentId, long Amount, string Currency, string? Reason, IReadOnlyDictionary<string, string> Metadata, long Created)
{
    public JsonObject ToJson()
    {
        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "refund",
            ["amount"] = Amount,
            ["created"] = Created,
            ["currency"] = Currency,
            ["metadata"] = FakeStripeMetadata.ToJson(Metadata),
            ["payment_intent"] = PaymentIntentId,
            ["reason"] = Reason,
            ["status"] = "succeeded",
        };
    }
}
