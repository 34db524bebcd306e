using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Carrier webhooks as a carrier sends them: <c>POST /webhooks/carriers/{carrier_id}</c> signed with HMAC-SHA256 over <c>t.body</c>.</summary>
public static class CarrierWebhookRequests
{
    /// <summary>
    /// Posts <paramref name="body"/> signed at <paramref name="signedAt"/> (now by default) with <paramref name="secret"/>;
    /// <paramref name="signatureHeader"/> replaces the computed header (empty: no header at all).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string secret, string carrierId = "dixis-courier", DateTimeOffset? signedAt = null, string? signatureHeader = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/carriers/{carrierId}")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (signatureHeader != string.Empty)
        {
            request.Headers.TryAddWithoutValidation("Dixis-Signature", signatureHeader ?? $"t={timestamp},v1={signature}");
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A carrier webhook body (the carrier's event id, kind, time, place and description).</summary>
    public static string Body(string trackingNumber, string eventId, string kind, DateTimeOffset? at = null) =>
        $$"""{"tracking_number":"{{trackingNumber}}","event_id":"{{eventId}}","kind":"{{kind}}","event_time":"{{(at ?? DateTimeOffset.UtcNow.AddSeconds(-1)).ToString("O", CultureInfo.InvariantCulture)}}","location":"Heraklion hub","description":"Scanned at the hub"}""";
}
