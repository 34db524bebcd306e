using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>
/// <c>CreateShipment</c> and <c>CancelOrderShipments</c> as the Orders outbox calls them: one shipment per parcel, whatever
/// the retries; none for a parcel cancelled before it had one, however late its creation arrives; bad requests name their fields.
/// </summary>
public sealed class CreateShipmentTests(ShipmentsFixture shipping) : IClassFixture<ShipmentsFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_shipment_has_a_label_a_tracking_number_of_the_built_in_carrier_and_a_delivery_window()
    {
        var request = ShipmentsFixture.NewRequest();

        var shipment = await shipping.CreateAsync(request);

        Assert.NotEmpty(shipment.Id);
        Assert.Equal(ShipmentState.LabelCreated, shipment.State);
        Assert.Equal("dixis-courier", shipment.CarrierId);
        Assert.Matches("^DX[0-9A-HJKMNP-TV-Z]{13}$", shipment.TrackingNumber);
        Assert.Equal($"https://track.dixis.gr/{shipment.TrackingNumber}", shipment.TrackingUri);
        Assert.Equal(request.OrderId, shipment.OrderId);
        Assert.Equal(request.Destination, shipment.Destination);
        Assert.True(shipment.EstimatedDeliveryStartTime.ToDateTimeOffset() > shipment.CreateTime.ToDateTimeOffset());
        Assert.True(shipment.EstimatedDeliveryEndTime.ToDateTimeOffset() >= shipment.EstimatedDeliveryStartTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task The_same_request_again_returns_the_same_shipment_and_never_a_second_one()
    {
        var request = ShipmentsFixture.NewRequest();

        var first = await shipping.CreateAsync(request);
        var again = await shipping.CreateAsync(request);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shipping.CreateAsync(request)));

        Assert.Equal(first, again);
        Assert.All(concurrent, shipment => Assert.Equal(first.Id, shipment.Id));
        var listed = await shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = request.OrderId }, ShippingCallers.Admin, cancellationToken: Cancellation);
        Assert.Single(listed.Shipments);
    }

    [Fact]
    public async Task Concurrent_first_requests_still_create_one_shipment()
    {
        var request = ShipmentsFixture.NewRequest();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shipping.CreateAsync(request)));

        Assert.Single(created.Select(shipment => shipment.Id).Distinct());
        var listed = await shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = request.OrderId }, ShippingCallers.Admin, cancellationToken: Cancellation);
        Assert.Single(listed.Shipments);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_parcel_request_is_refused()
    {
        var request = ShipmentsFixture.NewRequest();
        await shipping.CreateAsync(request);
        var changed = request.Clone();
        changed.WeightGrams = 2500;

        await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(changed, cancellationToken: Cancellation), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        var error = await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(new CreateShipmentRequest(), cancellationToken: Cancellation), StatusCode.InvalidArgument, "INVALID_FIELD");

        foreach (var field in new[] { "request_id", "order_id", "parcel_id", "producer_id", "customer_user_id", "service_level_id", "destination", "weight_grams" })
        {
            RpcAssert.Violation(error, field);
        }
    }

    [Theory]
    [InlineData("request_id")]
    [InlineData("destination.postal_code")]
    [InlineData("destination.recipient_name")]
    [InlineData("destination.address_lines")]
    [InlineData("destination.region_code")]
    [InlineData("weight_grams")]
    [InlineData("cash_on_delivery_amount.amount_minor")]
    [InlineData("declared_value.currency_code")]
    public async Task A_bad_field_is_named(string field)
    {
        var request = ShipmentsFixture.NewRequest();
        switch (field)
        {
            case "request_id": request.RequestId = "another-order/another-parcel"; break;
            case "destination.postal_code": request.Destination.PostalCode = ""; break;
            case "destination.recipient_name": request.Destination.RecipientName = " "; break;
            case "destination.address_lines": request.Destination.AddressLines.Clear(); break;
            case "destination.region_code": request.Destination.RegionCode = "Greece"; break;
            case "weight_grams": request.WeightGrams = -5; break;
            case "cash_on_delivery_amount.amount_minor": request.CashOnDeliveryAmount = new Money { CurrencyCode = "EUR", AmountMinor = -100 }; break;
            case "declared_value.currency_code": request.DeclaredValue = new Money { CurrencyCode = "euro", AmountMinor = 100 }; break;
        }

        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), field, "INVALID_FIELD");
        await AssertNoShipmentOfOrderAsync(request.OrderId);
    }

    [Fact]
    public async Task An_unknown_service_level_is_refused_naming_the_field()
    {
        var request = ShipmentsFixture.NewRequest(serviceLevelId: "teleportation");

        var violation = await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), "service_level_id", "SERVICE_LEVEL_NOT_FOUND");

        Assert.Contains("teleportation", violation.Description, StringComparison.Ordinal);
        await AssertNoShipmentOfOrderAsync(request.OrderId);
    }

    [Fact]
    public async Task Cash_on_delivery_with_a_level_that_does_not_collect_cash_fails_its_precondition()
    {
        var request = ShipmentsFixture.NewRequest(serviceLevelId: ShipmentsFixture.NoCashOnDeliveryLevel);
        request.CashOnDeliveryAmount = new Money { CurrencyCode = "EUR", AmountMinor = 4590 };

        await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CASH_ON_DELIVERY_NOT_SUPPORTED");
        await AssertNoShipmentOfOrderAsync(request.OrderId);
    }

    [Fact]
    public async Task Cash_on_delivery_with_a_level_that_collects_cash_is_kept_on_the_shipment()
    {
        var request = ShipmentsFixture.NewRequest();
        request.CashOnDeliveryAmount = new Money { CurrencyCode = "EUR", AmountMinor = 4590 };

        var shipment = await shipping.CreateAsync(request);

        Assert.Equal(request.CashOnDeliveryAmount, shipment.CashOnDeliveryAmount);
    }

    [Fact]
    public async Task A_level_without_cash_on_delivery_ships_a_prepaid_parcel()
    {
        var shipment = await shipping.CreateAsync(ShipmentsFixture.NewRequest(serviceLevelId: ShipmentsFixture.NoCashOnDeliveryLevel));

        // ELTA has no adapter of its own yet: the built-in carrier books it, with ELTA's tracking page.
        Assert.Equal("elta", shipment.CarrierId);
        Assert.StartsWith("DX", shipment.TrackingNumber, StringComparison.Ordinal);
        Assert.StartsWith("https://www.elta-courier.gr/", shipment.TrackingUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_order_cancels_its_shipments_not_yet_picked_up_and_is_idempotent()
    {
        var waiting = ShipmentsFixture.NewRequest();
        var picked = waiting.Clone();
        picked.ParcelId = ShipmentsFixture.Unique("parcel");
        picked.RequestId = $"{picked.OrderId}/{picked.ParcelId}";
        var first = await shipping.CreateAsync(waiting);
        var second = await shipping.CreateAsync(picked);
        await shipping.ReportAsync(second, TrackingEventKind.Accepted);
        var request = new CancelOrderShipmentsRequest { OrderId = waiting.OrderId, Reason = "customer cancelled" };

        var cancelled = await shipping.Shipments.CancelOrderShipmentsAsync(request, cancellationToken: Cancellation);
        var again = await shipping.Shipments.CancelOrderShipmentsAsync(request, cancellationToken: Cancellation);

        Assert.Equal(ShipmentState.Cancelled, cancelled.Shipments.Single(s => s.Id == first.Id).State);
        Assert.Equal(ShipmentState.Accepted, cancelled.Shipments.Single(s => s.Id == second.Id).State);
        Assert.Equal(cancelled.Shipments.Select(s => (s.Id, s.State)), again.Shipments.Select(s => (s.Id, s.State)));
        await RpcAssert.FailsAsync(() => shipping.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest { ShipmentId = first.Id, RequestId = Guid.NewGuid().ToString(), TrackingEvent = new TrackingEvent { Kind = TrackingEventKind.Accepted, EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) } },
            ShippingCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "SHIPMENT_STATE_CONFLICT");
    }

    [Fact]
    public async Task Cancelling_an_order_without_shipments_answers_none_and_needs_an_order_id()
    {
        var none = await shipping.Shipments.CancelOrderShipmentsAsync(new CancelOrderShipmentsRequest { OrderId = ShipmentsFixture.Unique("order") }, cancellationToken: Cancellation);

        Assert.Empty(none.Shipments);
        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.CancelOrderShipmentsAsync(new CancelOrderShipmentsRequest(), cancellationToken: Cancellation), "order_id");
    }

    [Fact]
    public async Task A_parcel_cancelled_before_its_shipment_existed_never_gets_one()
    {
        // Orders' CreateShipment was held up (Shipping was down, the outbox backed off) and the order was cancelled meanwhile.
        var request = ShipmentsFixture.NewRequest();
        var cancel = new CancelOrderShipmentsRequest { OrderId = request.OrderId, Reason = "customer cancelled", ParcelIds = { request.ParcelId } };

        var cancelled = await shipping.Shipments.CancelOrderShipmentsAsync(cancel, cancellationToken: Cancellation);
        var late = await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "PARCEL_CANCELLED");
        await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "PARCEL_CANCELLED");
        var again = await shipping.Shipments.CancelOrderShipmentsAsync(cancel, cancellationToken: Cancellation);

        Assert.Empty(cancelled.Shipments);
        Assert.Empty(again.Shipments);
        Assert.Contains(request.RequestId, late.Status.Detail, StringComparison.Ordinal);
        await AssertNoShipmentOfOrderAsync(request.OrderId);
        Assert.DoesNotContain(shipping.Orders.Calls, call => call.OrderId == request.OrderId);
    }

    [Fact]
    public async Task A_cancellation_that_lands_while_the_carrier_books_wins_and_the_booking_is_given_back()
    {
        var request = ShipmentsFixture.NewRequest(serviceLevelId: HoldingCarrierFake.ServiceLevel);
        using var hold = shipping.Carrier.Hold(request.OrderId);
        var creating = shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation);
        var trackingNumber = await hold.Booking.Task.WaitAsync(Cancellation);

        // The carrier has booked but not answered yet: no shipment is stored, and the cancellation arrives.
        var cancelled = await shipping.Shipments.CancelOrderShipmentsAsync(
            new CancelOrderShipmentsRequest { OrderId = request.OrderId, ParcelIds = { request.ParcelId } }, cancellationToken: Cancellation);
        hold.Release();

        await RpcAssert.FailsAsync(() => creating, StatusCode.FailedPrecondition, "PARCEL_CANCELLED");
        Assert.Empty(cancelled.Shipments);
        await AssertNoShipmentOfOrderAsync(request.OrderId);
        Assert.Contains(trackingNumber, shipping.Carrier.Cancelled);
        await RpcAssert.FailsAsync(() => shipping.Shipments.CreateShipmentAsync(request, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "PARCEL_CANCELLED");
    }

    [Fact]
    public async Task A_shipment_created_before_the_cancellation_is_cancelled_and_a_retried_create_returns_it_cancelled()
    {
        var request = ShipmentsFixture.NewRequest();
        var created = await shipping.CreateAsync(request);

        var cancelled = await shipping.Shipments.CancelOrderShipmentsAsync(
            new CancelOrderShipmentsRequest { OrderId = request.OrderId, ParcelIds = { request.ParcelId } }, cancellationToken: Cancellation);
        var retried = await shipping.CreateAsync(request);

        Assert.Equal((created.Id, ShipmentState.Cancelled), (Assert.Single(cancelled.Shipments).Id, cancelled.Shipments[0].State));
        Assert.Equal((created.Id, ShipmentState.Cancelled, created.TrackingNumber), (retried.Id, retried.State, retried.TrackingNumber));
    }

    [Fact]
    public async Task Bad_parcel_ids_of_a_cancellation_are_named_and_record_nothing()
    {
        var request = ShipmentsFixture.NewRequest();
        var tooMany = new CancelOrderShipmentsRequest { OrderId = request.OrderId };
        tooMany.ParcelIds.AddRange(Enumerable.Range(0, 101).Select(i => $"p{i}"));

        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.CancelOrderShipmentsAsync(
            new CancelOrderShipmentsRequest { OrderId = request.OrderId, ParcelIds = { request.ParcelId, "not a parcel/id" } }, cancellationToken: Cancellation), "parcel_ids[1]");
        await RpcAssert.InvalidFieldAsync(() => shipping.Shipments.CancelOrderShipmentsAsync(tooMany, cancellationToken: Cancellation), "parcel_ids");

        Assert.Equal(ShipmentState.LabelCreated, (await shipping.CreateAsync(request)).State);
    }

    private async Task AssertNoShipmentOfOrderAsync(string orderId)
    {
        var listed = await shipping.Shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = orderId }, ShippingCallers.Admin, cancellationToken: Cancellation);
        Assert.Empty(listed.Shipments);
    }
}
