using System.Net;
using System.Text.Json;
using Dixis.Contracts.Shipping.V1;
using Dixis.Shipping.Webhooks;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>
/// <c>POST /webhooks/carriers/{carrier_id}</c> signed as a carrier signs it (HMAC-SHA256 over <c>t.body</c>): signed
/// events move the shipment once; forged, unsigned or stale ones are refused and change nothing.
/// </summary>
public sealed class CarrierWebhookTests(ShipmentsFixture shipping) : IClassFixture<ShipmentsFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_event_moves_the_shipment_and_is_recorded_as_the_carriers()
    {
        var shipment = await shipping.CreateAsync();

        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Json(response);
        Assert.Equal("ACCEPTED", answer.GetProperty("state").GetString());
        Assert.False(answer.GetProperty("duplicate").GetBoolean());
        Assert.Equal(ShipmentState.Accepted, (await shipping.GetAsAdminAsync(shipment)).State);
        var recorded = Assert.Single(await Timeline(shipment));
        Assert.Equal(TrackingEventSource.Carrier, recorded.Source);
        Assert.Equal("carrier:dixis-courier", recorded.ActorId);
        Assert.Equal("Heraklion hub", recorded.Location);
        Assert.Equal(answer.GetProperty("tracking_event_id").GetString(), recorded.Id);
    }

    [Fact]
    public async Task While_a_secret_is_rotated_an_event_signed_with_the_previous_secret_is_accepted()
    {
        var shipment = await shipping.CreateAsync();

        using var response = await shipping.PostWebhookAsync(
            ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED"), secret: ShipmentsFixture.PreviousWebhookSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShipmentState.Accepted, (await shipping.GetAsAdminAsync(shipment)).State);
    }

    [Theory]
    [InlineData("short", null, "WebhookSecret must be at least 32 characters")]
    [InlineData(ShipmentsFixture.WebhookSecret, "short", "PreviousWebhookSecret must be at least 32 characters")]
    [InlineData(null, ShipmentsFixture.PreviousWebhookSecret, "PreviousWebhookSecret is set without a WebhookSecret")]
    public void Carrier_secrets_that_are_too_short_or_a_rotation_without_a_new_secret_stop_the_start(string? current, string? previous, string expected)
    {
        var options = new CarrierOptions();
        options.Carriers["dixis-courier"] = new CarrierSettings { WebhookSecret = current, PreviousWebhookSecret = previous };

        var result = new CarrierOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short", result.FailureMessage.Replace("short or", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_carrier_event_is_answered_ok_without_a_second_event()
    {
        var shipment = await shipping.CreateAsync();
        var body = ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED");

        using var first = await shipping.PostWebhookAsync(body);
        using var replay = await shipping.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await Json(replay)).GetProperty("duplicate").GetBoolean());
        Assert.Single(await Timeline(shipment));
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("no header")]
    [InlineData("malformed header")]
    [InlineData("expired")]
    [InlineData("from the future")]
    [InlineData("body changed")]
    public async Task A_forged_unsigned_or_stale_request_is_refused_and_changes_nothing(string forgery)
    {
        var shipment = await shipping.CreateAsync();
        var body = ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED");

        using var response = forgery switch
        {
            "wrong secret" => await shipping.PostWebhookAsync(body, secret: "another-secret-another-secret-another-secret"),
            "no header" => await shipping.PostWebhookAsync(body, signatureHeader: string.Empty),
            "malformed header" => await shipping.PostWebhookAsync(body, signatureHeader: "sha256=abc"),
            "expired" => await shipping.PostWebhookAsync(body, signedAt: DateTimeOffset.UtcNow.AddSeconds(-301)),
            "from the future" => await shipping.PostWebhookAsync(body, signedAt: DateTimeOffset.UtcNow.AddMinutes(10)),
            _ => await PostWithChangedBodyAsync(body),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBHOOK_SIGNATURE_INVALID", (await Json(response)).GetProperty("reason").GetString());
        Assert.Equal(ShipmentState.LabelCreated, (await shipping.GetAsAdminAsync(shipment)).State);
        Assert.Empty(await Timeline(shipment));
    }

    [Fact]
    public async Task A_carrier_without_a_configured_secret_is_refused()
    {
        var shipment = await shipping.CreateAsync(ShipmentsFixture.NewRequest(serviceLevelId: ShipmentsFixture.NoCashOnDeliveryLevel));

        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-1", "ACCEPTED"), carrierId: "elta");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("WEBHOOK_SIGNATURE_INVALID", (await Json(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_unknown_tracking_number_is_not_found()
    {
        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody("DX0000000000000", "evt-" + Guid.NewGuid(), "ACCEPTED"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("SHIPMENT_NOT_FOUND", (await Json(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Another_carriers_shipment_is_not_found()
    {
        var elta = await shipping.CreateAsync(ShipmentsFixture.NewRequest(serviceLevelId: ShipmentsFixture.NoCashOnDeliveryLevel));

        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(elta.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ShipmentState.LabelCreated, (await shipping.GetAsAdminAsync(elta)).State);
    }

    [Fact]
    public async Task An_impossible_event_is_a_conflict_and_stores_nothing()
    {
        var shipment = await shipping.CreateAsync();

        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "DELIVERED"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("SHIPMENT_STATE_CONFLICT", (await Json(response)).GetProperty("reason").GetString());
        Assert.Empty(await Timeline(shipment));
    }

    [Theory]
    [InlineData("kind", """{"tracking_number":"DX1","event_id":"e1","kind":"TELEPORTED","event_time":"2025-01-01T00:00:00Z"}""")]
    [InlineData("event_time", """{"tracking_number":"DX1","event_id":"e1","kind":"ACCEPTED","event_time":"yesterday"}""")]
    [InlineData("event_id", """{"tracking_number":"DX1","kind":"ACCEPTED","event_time":"2025-01-01T00:00:00Z"}""")]
    [InlineData("tracking_number", """{"event_id":"e1","kind":"ACCEPTED","event_time":"2025-01-01T00:00:00Z"}""")]
    public async Task A_signed_but_bad_body_names_the_field(string field, string body)
    {
        using var response = await shipping.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("INVALID_FIELD", problem.GetProperty("reason").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_event_time_in_the_future_is_refused()
    {
        var shipment = await shipping.CreateAsync();

        using var response = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "ACCEPTED", DateTimeOffset.UtcNow.AddHours(2)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("event_time", (await Json(response)).GetProperty("field").GetString());
        Assert.Empty(await Timeline(shipment));
    }

    private async Task<HttpResponseMessage> PostWithChangedBodyAsync(string body)
    {
        // Signed for one body, sent with another: the signature covers the raw bytes.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ShipmentsFixture.WebhookSecret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return await shipping.PostWebhookAsync(body.Replace("ACCEPTED", "DELIVERED", StringComparison.Ordinal), signatureHeader: $"t={timestamp},v1={signature}");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;

    private async Task<IReadOnlyList<TrackingEvent>> Timeline(Shipment shipment) =>
        (await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id }, ShippingCallers.Admin, cancellationToken: Cancellation)).TrackingEvents;
}
