using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Each change of a shipment reaches Orders' <c>RecordShipmentProgress</c> through the outbox, with the parcel state it means.</summary>
public sealed class ShipmentProgressTests(ShipmentsFixture shipping) : IClassFixture<ShipmentsFixture>
{
    [Fact]
    public async Task Orders_hears_preparing_shipped_once_and_delivered_with_the_event_ids_and_who_reported()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var accepted = await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, start);
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(1));
        await shipping.ReportAsync(shipment, TrackingEventKind.OutForDelivery, start.AddMinutes(2));
        using var webhook = await shipping.PostWebhookAsync(ShipmentsFixture.WebhookBody(shipment.TrackingNumber, "evt-" + Guid.NewGuid(), "DELIVERED", start.AddMinutes(3)));
        var delivered = (await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id }, ShippingCallers.Admin, cancellationToken: TestContext.Current.CancellationToken)).TrackingEvents[^1];

        var calls = await Eventually.ReadAsync(() => Task.FromResult(shipping.Orders.CallsFor(shipment.Id)), c => c.Count >= 3);

        Assert.Equal([ParcelState.Preparing, ParcelState.Shipped, ParcelState.Delivered], calls.Select(c => c.State));
        Assert.All(calls, call =>
        {
            Assert.Equal(shipment.OrderId, call.OrderId);
            Assert.Equal(shipment.ParcelId, call.ParcelId);
            Assert.Equal(shipment.TrackingNumber, call.TrackingNumber);
            Assert.Equal(shipment.TrackingUri, call.TrackingUri);
        });
        Assert.Equal($"{shipment.Id}/label-created", calls[0].EventId);
        Assert.Equal(ActorKind.System, calls[0].Actor.Kind);
        Assert.Equal(accepted.Id, calls[1].EventId);
        Assert.Equal(new Actor { Kind = ActorKind.Producer, Id = $"user-of-{shipment.ProducerId}" }, calls[1].Actor);
        Assert.Equal(start.ToUnixTimeMilliseconds(), calls[1].EventTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(delivered.Id, calls[2].EventId);
        Assert.Equal(new Actor { Kind = ActorKind.Carrier, Id = "carrier:dixis-courier" }, calls[2].Actor);
    }

    [Fact]
    public async Task A_return_reaches_orders_as_returned()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var (kind, minute) in new[] { (TrackingEventKind.Accepted, 0), (TrackingEventKind.InTransit, 1), (TrackingEventKind.OutForDelivery, 2), (TrackingEventKind.FailedAttempt, 3), (TrackingEventKind.Returned, 4) })
        {
            await shipping.ReportAsync(shipment, kind, start.AddMinutes(minute), ShippingCallers.Admin);
        }

        var calls = await Eventually.ReadAsync(() => Task.FromResult(shipping.Orders.CallsFor(shipment.Id)), c => c.Count >= 3);

        Assert.Equal([ParcelState.Preparing, ParcelState.Shipped, ParcelState.Returned], calls.Select(c => c.State));
        Assert.Equal(ActorKind.Admin, calls[2].Actor.Kind);
    }
}
