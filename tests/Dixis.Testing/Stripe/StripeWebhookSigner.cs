using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dixis.Testing.Stripe;

/// <summary>
/// Builds Stripe webhook events and signs them per Stripe's documented scheme, written here independently of the code
/// under test: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;" keyed
/// with the endpoint's signing secret&gt;</c>, one <c>v1</c> per secret while a secret is being rolled.
/// </summary>
public static class StripeWebhookSigner
{
    /// <summary>The <c>Stripe-Signature</c> header for <paramref name="payload"/> signed at <paramref name="timestamp"/> with every secret given.</summary>
    public static string Sign(string payload, DateTimeOffset timestamp, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (secrets.Length == 0)
        {
            throw new ArgumentException("Sign with at least one secret.", nameof(secrets));
        }

        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signatures = secrets.Select(secret =>
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"))));
        return $"t={t}," + string.Join(',', signatures.Select(signature => $"v1={signature}"));
    }

    /// <summary>An event of <paramref name="type"/> about <paramref name="dataObject"/> (e.g. a fake intent's JSON), with a new <c>evt_…</c> id.</summary>
    public static StripeWebhookEvent Event(string type, JsonObject dataObject, DateTimeOffset created, string? eventId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(dataObject);
        var id = eventId ?? FakeStripeIds.New("evt");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = created.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        return new StripeWebhookEvent(id, type, json.ToJsonString());
    }
}

/// <summary>A webhook event's id, type and raw JSON body (sign exactly this string).</summary>
public sealed record StripeWebhookEvent(string Id, string Type, string Json);
