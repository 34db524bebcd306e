using System.Text.Json.Nodes;

namespace Dixis.Testing.Stripe;

/// <summary>A PaymentIntent held by <see cref="FakeStripeApi"/>; its JSON is shaped as Stripe's API returns it.</summary>
public sealed class FakePaymentIntent
{
    internal FakePaymentIntent(string id, long amount, string currency, IReadOnlyDictionary<string, string> metadata, long created)
    {
        Id = id;
        ClientSecret = $"{id}_secret_{FakeStripeIds.Random(24)}";
        Amount = amount;
        Currency = currency;
        Metadata = metadata;
        Created = created;
    }

    public string Id { get; }

    public string ClientSecret { get; }

    public long Amount { get; }

    public string Currency { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public long Created { get; }

    /// <summary>Stripe's status: <c>requires_payment_method</c> at creation, then <c>succeeded</c>, <c>canceled</c>, …</summary>
    public string Status { get; internal set; } = "requires_payment_method";

    public long AmountReceived { get; internal set; }

    /// <summary>The last failure as Stripe reports it (<c>last_payment_error.message</c>), when the last attempt failed.</summary>
    public string? LastPaymentErrorMessage { get; internal set; }

    public string? LastPaymentErrorCode { get; internal set; }

    public string? CancellationReason { get; internal set; }

    /// <summary>The total refunded so far.</summary>
    public long AmountRefunded { get; internal set; }

    /// <summary>The intent as Stripe's API (and a webhook's <c>data.object</c>) shows it.</summary>
    public JsonObject ToJson()
    {
        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "payment_intent",
            ["amount"] = Amount,
            ["amount_capturable"] = 0,
            ["amount_received"] = AmountReceived,
            ["automatic_payment_methods"] = new JsonObject { ["enabled"] = true },
            ["canceled_at"] = null,
            ["cancellation_reason"] = CancellationReason,
            ["capture_method"] = "automatic",
            ["client_secret"] = ClientSecret,
            ["confirmation_method"] = "automatic",
            ["created"] = Created,
            ["currency"] = Currency,
            ["last_payment_error"] = LastPaymentErrorMessage is null ? null : new JsonObject
            {
                ["type"] = "card_error",
                ["code"] = LastPaymentErrorCode ?? "card_declined",
                ["decline_code"] = "generic_decline",
                ["message"] = LastPaymentErrorMessage,
            },
            ["livemode"] = false,
            ["metadata"] = FakeStripeMetadata.ToJson(Metadata),
            ["payment_method_types"] = new JsonArray("card"),
            ["status"] = Status,
        };
    }
}
