using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>Tracking events through the API: the state machine, replays, bad input, timelines and public tracking.</summary>
public sealed class TrackingEventTests(ShipmentsFixture shipping) : IClassFixture<ShipmentsFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parcel_goes_from_label_to_door_and_its_times_are_kept()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);

        await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, start);
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(5));
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(6));
        await shipping.ReportAsync(shipment, TrackingEventKind.OutForDelivery, start.AddMinutes(10));
        await shipping.ReportAsync(shipment, TrackingEventKind.FailedAttempt, start.AddMinutes(15));
        await shipping.ReportAsync(shipment, TrackingEventKind.OutForDelivery, start.AddMinutes(20));
        await shipping.ReportAsync(shipment, TrackingEventKind.Delivered, start.AddMinutes(25), ShippingCallers.Admin);

        var delivered = await shipping.GetAsAdminAsync(shipment);
        Assert.Equal(ShipmentState.Delivered, delivered.State);
        Assert.Equal(start.ToUnixTimeMilliseconds(), delivered.ShipTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(start.AddMinutes(25).ToUnixTimeMilliseconds(), delivered.DeliverTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        var timeline = await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id }, ShippingCallers.Customer(shipment.CustomerUserId), cancellationToken: Cancellation);
        Assert.Equal(
            [TrackingEventKind.Accepted, TrackingEventKind.InTransit, TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery, TrackingEventKind.FailedAttempt, TrackingEventKind.OutForDelivery, TrackingEventKind.Delivered],
            timeline.TrackingEvents.Select(e => e.Kind));
        Assert.Equal(TrackingEventSource.Producer, timeline.TrackingEvents[0].Source);
        Assert.Equal($"user-of-{shipment.ProducerId}", timeline.TrackingEvents[0].ActorId);
        Assert.Equal(TrackingEventSource.Admin, timeline.TrackingEvents[^1].Source);
    }

    [Fact]
    public async Task A_failed_attempt_can_end_in_a_return_which_is_final()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        foreach (var (kind, minute) in new[] { (TrackingEventKind.Accepted, 0), (TrackingEventKind.InTransit, 1), (TrackingEventKind.OutForDelivery, 2), (TrackingEventKind.FailedAttempt, 3), (TrackingEventKind.Returned, 4) })
        {
            await shipping.ReportAsync(shipment, kind, start.AddMinutes(minute));
        }

        Assert.Equal(ShipmentState.Returned, (await shipping.GetAsAdminAsync(shipment)).State);
        await RpcAssert.FailsAsync(() => Report(shipment, TrackingEventKind.OutForDelivery, start.AddMinutes(5)), StatusCode.FailedPrecondition, "SHIPMENT_STATE_CONFLICT");
    }

    [Theory]
    [InlineData(TrackingEventKind.Delivered)]
    [InlineData(TrackingEventKind.InTransit)]
    [InlineData(TrackingEventKind.OutForDelivery)]
    [InlineData(TrackingEventKind.FailedAttempt)]
    [InlineData(TrackingEventKind.Returned)]
    public async Task An_impossible_event_fails_its_precondition_and_stores_nothing(TrackingEventKind kind)
    {
        var shipment = await shipping.CreateAsync();

        var error = await RpcAssert.FailsAsync(() => Report(shipment, kind, DateTimeOffset.UtcNow), StatusCode.FailedPrecondition, "SHIPMENT_STATE_CONFLICT");

        Assert.Contains("LABEL_CREATED", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ShipmentState.LabelCreated, (await shipping.GetAsAdminAsync(shipment)).State);
        Assert.Empty((await Timeline(shipment)).TrackingEvents);
    }

    [Fact]
    public async Task Delivered_is_final()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var (kind, minute) in new[] { (TrackingEventKind.Accepted, 0), (TrackingEventKind.InTransit, 1), (TrackingEventKind.OutForDelivery, 2), (TrackingEventKind.Delivered, 3) })
        {
            await shipping.ReportAsync(shipment, kind, start.AddMinutes(minute));
        }

        await RpcAssert.FailsAsync(() => Report(shipment, TrackingEventKind.FailedAttempt, start.AddMinutes(4)), StatusCode.FailedPrecondition, "SHIPMENT_STATE_CONFLICT");
        Assert.Equal(4, (await Timeline(shipment)).TrackingEvents.Count);
    }

    [Fact]
    public async Task An_event_older_than_the_latest_joins_the_timeline_in_its_place_without_moving_the_state_back()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, start);
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(5));
        await shipping.ReportAsync(shipment, TrackingEventKind.OutForDelivery, start.AddMinutes(8));

        var late = await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(2));

        Assert.Equal(ShipmentState.OutForDelivery, (await shipping.GetAsAdminAsync(shipment)).State);
        var timeline = (await Timeline(shipment)).TrackingEvents;
        Assert.Equal([TrackingEventKind.Accepted, TrackingEventKind.InTransit, TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery], timeline.Select(e => e.Kind));
        Assert.Equal(late.Id, timeline[1].Id);
    }

    [Fact]
    public async Task A_replayed_request_id_returns_the_first_event_and_adds_nothing()
    {
        var shipment = await shipping.CreateAsync();
        var requestId = Guid.NewGuid().ToString();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        var first = await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, at, requestId: requestId);
        var again = await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, at, requestId: requestId);

        Assert.Equal(first, again);
        Assert.Single((await Timeline(shipment)).TrackingEvents);
        await RpcAssert.FailsAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = requestId, TrackingEvent = new TrackingEvent { Kind = TrackingEventKind.InTransit, EventTime = Timestamp.FromDateTimeOffset(at) } },
            ShippingCallers.Producer(shipment.ProducerId), cancellationToken: Cancellation), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task Bad_events_are_refused_naming_the_field()
    {
        var shipment = await shipping.CreateAsync();
        var producer = ShippingCallers.Producer(shipment.ProducerId);

        await RpcAssert.InvalidFieldAsync(() => Report(shipment, TrackingEventKind.Accepted, DateTimeOffset.UtcNow.AddHours(1)), "tracking_event.event_time", "INVALID_FIELD");
        await RpcAssert.InvalidFieldAsync(() => Report(shipment, TrackingEventKind.Unspecified, DateTimeOffset.UtcNow), "tracking_event.kind", "INVALID_FIELD");
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = Guid.NewGuid().ToString(), TrackingEvent = new TrackingEvent { Kind = TrackingEventKind.Accepted } }, producer, cancellationToken: Cancellation), "tracking_event.event_time");
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = Guid.NewGuid().ToString(), TrackingEvent = new TrackingEvent { Kind = TrackingEventKind.Accepted, EventTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Description = new string('x', 501) } }, producer, cancellationToken: Cancellation), "tracking_event.description");
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = "not-a-uuid", TrackingEvent = new TrackingEvent { Kind = TrackingEventKind.Accepted, EventTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) } }, producer, cancellationToken: Cancellation), "request_id");
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = Guid.NewGuid().ToString() }, producer, cancellationToken: Cancellation), "tracking_event");
        Assert.Empty((await Timeline(shipment)).TrackingEvents);
        Assert.Equal(ShipmentState.LabelCreated, (await shipping.GetAsAdminAsync(shipment)).State);
    }

    [Fact]
    public async Task Only_the_shipments_producer_or_an_admin_reports_events()
    {
        var shipment = await shipping.CreateAsync();

        await RpcAssert.FailsAsync(() => Report(shipment, TrackingEventKind.Accepted, DateTimeOffset.UtcNow, ShippingCallers.Producer(ShipmentsFixture.Unique("p"))), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
        await RpcAssert.FailsAsync(() => Report(shipment, TrackingEventKind.Accepted, DateTimeOffset.UtcNow, ShippingCallers.Customer(shipment.CustomerUserId)), StatusCode.PermissionDenied);
        await RpcAssert.FailsAsync(() => shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id }, ShippingCallers.Customer(ShipmentsFixture.Unique("c")), cancellationToken: Cancellation), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
    }

    [Fact]
    public async Task The_timeline_pages_oldest_first()
    {
        var shipment = await shipping.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, start);
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(1));
        await shipping.ReportAsync(shipment, TrackingEventKind.InTransit, start.AddMinutes(2));

        var first = await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id, PageSize = 2 }, ShippingCallers.Admin, cancellationToken: Cancellation);
        var second = await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id, PageSize = 2, PageToken = first.NextPageToken }, ShippingCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal([start.ToUnixTimeMilliseconds(), start.AddMinutes(1).ToUnixTimeMilliseconds()], first.TrackingEvents.Select(e => e.EventTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        Assert.Equal(start.AddMinutes(2).ToUnixTimeMilliseconds(), second.TrackingEvents.Single().EventTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Empty(second.NextPageToken);
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id, PageSize = 501 }, ShippingCallers.Admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
    }

    [Fact]
    public async Task Anyone_with_the_tracking_number_sees_the_timeline_without_names_addresses_or_reporters()
    {
        var shipment = await shipping.CreateAsync();
        await shipping.ReportAsync(shipment, TrackingEventKind.Accepted, DateTimeOffset.UtcNow.AddMinutes(-2));

        var tracked = await shipping.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = shipment.TrackingNumber }, ShippingCallers.Anonymous, cancellationToken: Cancellation);

        Assert.Equal("dixis-courier", tracked.CarrierId);
        Assert.Equal(ShipmentState.Accepted, tracked.State);
        var accepted = Assert.Single(tracked.TrackingEvents);
        Assert.Equal("Κέντρο διαλογής Αθήνας", accepted.Location);
        Assert.Empty(accepted.ActorId);
        Assert.Empty(accepted.ShipmentId);
        Assert.Empty(accepted.Id);
        var text = tracked.ToString();
        Assert.DoesNotContain("Μαρία", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Αδριανού", text, StringComparison.Ordinal);
        Assert.DoesNotContain(shipment.CustomerUserId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(shipment.ProducerId, text, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(() => shipping.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "DX0000000000000" }, ShippingCallers.Anonymous, cancellationToken: Cancellation), StatusCode.NotFound, "SHIPMENT_NOT_FOUND");
        await RpcAssert.InvalidFieldAsync(() => shipping.Tracking.TrackShipmentAsync(new TrackShipmentRequest(), ShippingCallers.Anonymous, cancellationToken: Cancellation), "tracking_number");
    }

    private AsyncUnaryCall<TrackingEvent> Report(Shipment shipment, TrackingEventKind kind, DateTimeOffset at, Metadata? caller = null) =>
        shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = shipment.Id, RequestId = Guid.NewGuid().ToString(), TrackingEvent = new TrackingEvent { Kind = kind, EventTime = Timestamp.FromDateTimeOffset(at) } },
            caller ?? ShippingCallers.Producer(shipment.ProducerId),
            cancellationToken: Cancellation);

    private async Task<ListTrackingEventsResponse> Timeline(Shipment shipment) =>
        await shipping.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipment.Id }, ShippingCallers.Admin, cancellationToken: Cancellation);
}
