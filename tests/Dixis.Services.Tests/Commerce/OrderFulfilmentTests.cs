using System.Net;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Services.Tests.Orders;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Commerce;

/// <summary>
/// The joint path of the real Orders and Shipping services: a paid or confirmed order's parcels become shipments, the
/// producer's and the carrier's tracking events move the order's parcels and, for cash on delivery, pay them; a
/// cancellation cancels the shipments (also those still waiting in the outbox behind a Shipping outage), and a parcel in
/// the carrier's hands stops it.
/// </summary>
public sealed class OrderFulfilmentTests(FulfilmentPlatformFixture fixture) : IClassFixture<FulfilmentPlatformFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CommercePlatform Platform => fixture.Platform;

    [Fact]
    public async Task A_cash_on_delivery_order_of_two_producers_is_shipped_tracked_delivered_and_paid()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.CashOnDelivery);
        var (oil, soap, shopper, orderId) = (placed.Oil, placed.Soap, placed.Shopper, placed.Order.Id);

        // One shipment per parcel, each reported back to the order as PREPARING with its id and tracking.
        var (shipments, preparing) = await fixture.PreparingAsync(placed);
        Assert.Equal(2, shipments.Count);
        Assert.All(shipments, shipment =>
        {
            Assert.Equal(ShipmentState.LabelCreated, shipment.State);
            Assert.Equal(shopper.UserId, shipment.CustomerUserId);
            Assert.True(shipment.CashOnDeliveryAmount.AmountMinor > 0);
        });
        foreach (var parcel in preparing.Parcels)
        {
            Assert.Equal(ParcelState.Preparing, parcel.State);
            var shipment = shipments.Single(shipment => shipment.ParcelId == parcel.Id);
            Assert.Equal(parcel.ProducerId, shipment.ProducerId);
            Assert.Equal(shipment.Id, parcel.ShipmentId);
            Assert.Equal(shipment.TrackingNumber, parcel.TrackingNumber);
            Assert.Equal(shipment.TrackingUri, parcel.TrackingUri);
        }

        Assert.Equal(OrderState.Confirmed, preparing.State);
        var oilParcel = preparing.Parcels.Single(parcel => parcel.ProducerId == oil.Producer.Id);
        var soapParcel = preparing.Parcels.Single(parcel => parcel.ProducerId == soap.Producer.Id);
        var oilShipment = shipments.Single(shipment => shipment.ParcelId == oilParcel.Id);
        var soapShipment = shipments.Single(shipment => shipment.ParcelId == soapParcel.Id);

        // The oil producer reports pickup: the parcel is shipped, the order partially.
        await fixture.ReportAsync(oilShipment, TrackingEventKind.Accepted);
        var partially = await fixture.OrderEventuallyAsync(shopper, orderId, order => ParcelOf(order, oilParcel).State == ParcelState.Shipped);
        Assert.Equal(ParcelState.Shipped, ParcelOf(partially, oilParcel).State);
        Assert.Equal(OrderState.PartiallyShipped, partially.State);

        await fixture.ReportAsync(oilShipment, TrackingEventKind.InTransit);
        await fixture.ReportAsync(oilShipment, TrackingEventKind.OutForDelivery);
        await fixture.ReportAsync(oilShipment, TrackingEventKind.Delivered);
        var oilDelivered = await fixture.OrderEventuallyAsync(shopper, orderId, order => ParcelOf(order, oilParcel).State == ParcelState.Delivered);
        Assert.Equal(ParcelState.Delivered, ParcelOf(oilDelivered, oilParcel).State);
        Assert.Equal(OrderState.PartiallyShipped, oilDelivered.State);
        Assert.Equal(oilShipment.CashOnDeliveryAmount.AmountMinor, oilDelivered.Totals.PaidTotal.AmountMinor);
        Assert.Equal(PaymentState.Pending, (await PaymentAsync(shopper, oilDelivered)).State);

        // The soap parcel moves by the carrier's signed webhook.
        using (var accepted = await fixture.CarrierReportsAsync(soapShipment, "ACCEPTED"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var shipped = await fixture.OrderEventuallyAsync(shopper, orderId, order => ParcelOf(order, soapParcel).State == ParcelState.Shipped);
        Assert.Equal(ParcelState.Shipped, ParcelOf(shipped, soapParcel).State);
        Assert.Equal(OrderState.Shipped, shipped.State);
        foreach (var kind in new[] { "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED" })
        {
            using var reported = await fixture.CarrierReportsAsync(soapShipment, kind);
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }

        var final = await fixture.OrderEventuallyAsync(shopper, orderId, order => order.State == OrderState.Delivered);
        Assert.Equal(OrderState.Delivered, final.State);
        Assert.Equal(final.Totals.GrandTotal, final.Totals.PaidTotal);
        var payment = await PaymentAsync(shopper, final);
        Assert.Equal(PaymentState.Succeeded, payment.State);

        // The order's history: its derived states, and each parcel's moves with who made them.
        Assert.Equal(
            [OrderState.Confirmed, OrderState.PartiallyShipped, OrderState.Shipped, OrderState.Delivered],
            final.History.Where(change => change.ParcelId.Length == 0).Select(change => change.ToState));
        Assert.Equal(
            [ParcelState.Preparing, ParcelState.Shipped, ParcelState.Delivered],
            final.History.Where(change => change.ParcelId == oilParcel.Id).Select(change => change.ParcelToState));
        Assert.Contains(final.History, change => change.ParcelId == oilParcel.Id && change.ParcelToState == ParcelState.Shipped
            && change.Actor.Kind == ActorKind.Producer && change.Actor.Id == $"user-of-{oil.Producer.Id}");
        Assert.Contains(final.History, change => change.ParcelId == oilParcel.Id && change.ParcelToState == ParcelState.Delivered && change.Actor.Kind == ActorKind.Producer);
        Assert.Contains(final.History, change => change.ParcelId == soapParcel.Id && change.ParcelToState == ParcelState.Shipped
            && change.Actor.Kind == ActorKind.Carrier && change.Actor.Id == $"carrier:{soapShipment.CarrierId}");
        Assert.Contains(final.History, change => change.ParcelId == soapParcel.Id && change.ParcelToState == ParcelState.Delivered && change.Actor.Kind == ActorKind.Carrier);

        // The customer reads the timeline of a shipment; the public tracking page shows no address.
        var timeline = await Platform.Tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = oilShipment.Id }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(
            [TrackingEventKind.Accepted, TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery, TrackingEventKind.Delivered],
            timeline.TrackingEvents.Select(tracked => tracked.Kind));
        Assert.All(timeline.TrackingEvents, tracked => Assert.Equal(TrackingEventSource.Producer, tracked.Source));
        var tracked = await Platform.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = oilShipment.TrackingNumber }, TestCallers.Anonymous, cancellationToken: Cancellation);
        Assert.Equal(ShipmentState.Delivered, tracked.State);
        Assert.Equal(4, tracked.TrackingEvents.Count);
        var shown = tracked.ToString();
        Assert.DoesNotContain(Shopper.Athens.RecipientName, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Shopper.Athens.AddressLines[0], shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Shopper.Athens.PhoneNumber, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(oil.Producer.Id, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bank_transfer_order_ships_only_once_the_transfer_is_confirmed()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.BankTransfer);
        var (shopper, orderId) = (placed.Shopper, placed.Order.Id);

        // Nothing to wait for but time: give the outboxes a while to (wrongly) ship the unpaid order.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Empty(await fixture.ShipmentsOfAsync(orderId));
        Assert.All((await shopper.GetAsync(orderId)).Parcels, parcel => Assert.Equal(ParcelState.Pending, parcel.State));

        await Platform.Payments.ConfirmBankTransferAsync(
            new ConfirmBankTransferRequest
            {
                PaymentId = placed.Order.PaymentId,
                ReceivedAmount = placed.Order.Totals.GrandTotal,
                BankReference = "NBG-2026-000777",
                RequestId = Guid.NewGuid().ToString(),
            },
            TestCallers.Admin,
            cancellationToken: Cancellation);

        var (shipments, preparing) = await fixture.PreparingAsync(placed);
        Assert.Equal(2, shipments.Count);
        Assert.All(shipments, shipment => Assert.Null(shipment.CashOnDeliveryAmount));
        Assert.Equal(OrderState.Paid, preparing.State);
        Assert.Equal(shipments.Select(shipment => shipment.Id).Order(), preparing.Parcels.Select(parcel => parcel.ShipmentId).Order());
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_before_anything_shipped_cancels_its_shipments()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.CashOnDelivery);
        var (shopper, orderId) = (placed.Shopper, placed.Order.Id);
        await fixture.PreparingAsync(placed);

        var cancelled = await Platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = orderId, Reason = "changed my mind" }, shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.All(cancelled.Parcels, parcel => Assert.Equal(ParcelState.Cancelled, parcel.State));
        var shipments = await Eventually.ReadAsync(() => fixture.ShipmentsOfAsync(orderId), all => all.All(shipment => shipment.State == ShipmentState.Cancelled));
        Assert.Equal(2, shipments.Count);
        Assert.All(shipments, shipment => Assert.Equal(ShipmentState.Cancelled, shipment.State));
    }

    [Fact]
    public async Task An_order_cancelled_right_after_it_was_placed_keeps_no_live_shipment()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.CashOnDelivery);
        var shopper = placed.Shopper;

        // The cancellation may overtake the shipments' creation: whatever Shipping has for the order ends cancelled.
        await Platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation);

        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        var shipments = await Eventually.ReadAsync(() => fixture.ShipmentsOfAsync(placed.Order.Id), all => all.All(shipment => shipment.State == ShipmentState.Cancelled));
        Assert.All(shipments, shipment => Assert.Equal(ShipmentState.Cancelled, shipment.State));
        Assert.Equal(OrderState.Cancelled, (await shopper.GetAsync(placed.Order.Id)).State);
    }

    [Fact]
    public async Task A_shipment_held_up_by_a_shipping_outage_is_never_created_for_an_order_cancelled_meanwhile()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.BankTransfer);
        var (shopper, orderId) = (placed.Shopper, placed.Order.Id);

        // Shipping goes down; the transfer is confirmed (the shipments wait in Orders' outbox, retried with back-off)
        // and the customer cancels before Shipping is back.
        await Platform.StopAsync("shipping");
        try
        {
            await Platform.Payments.ConfirmBankTransferAsync(
                new ConfirmBankTransferRequest
                {
                    PaymentId = placed.Order.PaymentId,
                    ReceivedAmount = placed.Order.Totals.GrandTotal,
                    BankReference = "NBG-2026-000778",
                    RequestId = Guid.NewGuid().ToString(),
                },
                TestCallers.Admin,
                cancellationToken: Cancellation);
            await Platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = orderId, Reason = "changed my mind" }, shopper.Token, cancellationToken: Cancellation);
        }
        finally
        {
            await Platform.RestartAsync("shipping");
        }

        // The delayed creations and the cancellation all reach Shipping now, in whatever order the back-offs give them
        // (a creation already in flight when the order was cancelled may get there first, and is then cancelled).
        // Nothing to wait for but time: give the outboxes a while to (wrongly) leave a live shipment.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.All(await fixture.ShipmentsOfAsync(orderId), shipment => Assert.Equal(ShipmentState.Cancelled, shipment.State));
        var order = await shopper.GetAsync(orderId);
        Assert.Equal(OrderState.Cancelled, order.State);
        Assert.All(order.Parcels, parcel => Assert.Equal(ParcelState.Cancelled, parcel.State));
    }

    [Fact]
    public async Task A_parcel_in_the_carriers_hands_makes_the_order_not_cancellable()
    {
        var placed = await fixture.PlaceTwoParcelOrderAsync(PaymentMethod.CashOnDelivery);
        var (shopper, orderId) = (placed.Shopper, placed.Order.Id);
        var (shipments, _) = await fixture.PreparingAsync(placed);
        var oilShipment = shipments.Single(shipment => shipment.ProducerId == placed.Oil.Producer.Id);

        await fixture.ReportAsync(oilShipment, TrackingEventKind.Accepted);
        await fixture.OrderEventuallyAsync(shopper, orderId, order => order.State == OrderState.PartiallyShipped);

        await RpcAssert.FailsAsync(() => Platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = orderId }, shopper.Token, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ORDER_NOT_CANCELLABLE");
        Assert.Equal(OrderState.PartiallyShipped, (await shopper.GetAsync(orderId)).State);
        Assert.All(await fixture.ShipmentsOfAsync(orderId), shipment => Assert.NotEqual(ShipmentState.Cancelled, shipment.State));
    }

    private static Parcel ParcelOf(Order order, Parcel parcel) => order.Parcels.Single(candidate => candidate.Id == parcel.Id);

    private async Task<Payment> PaymentAsync(Shopper shopper, Order order) =>
        await Platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = order.PaymentId }, shopper.Token, cancellationToken: Cancellation);
}
