using System.Text.Json.Nodes;

namespace Dixis.Testing.Stripe;

/// <summary>A refund made through <see cref="FakeStripeApi"/>.</summary>
public sealed record FakeRefund(string Id, string PaymentIntentId, long Amount, string Currency, string? Reason, IReadOnlyDictionary<string, string> Metadata, long Created)
{
    public JsonObject ToJson()
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in Metadata)
        {
            metadata[key] = value;
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "refund",
            ["amount"] = Amount,
            ["created"] = Created,
            ["currency"] = Currency,
            ["metadata"] = metadata,
            ["payment_intent"] = PaymentIntentId,
            ["reason"] = Reason,
            ["status"] = "succeeded",
        };
    }
}
