using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Dixis.Orders.Effects;
using Dixis.Persistence.Outbox;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using AdjustmentReason = Dixis.Contracts.Catalog.V1.AdjustmentReason;
using CatalogReservationState = Dixis.Contracts.Catalog.V1.ReservationState;
using GetReservationRequest = Dixis.Contracts.Catalog.V1.GetReservationRequest;
using ListStockAdjustmentsRequest = Dixis.Contracts.Catalog.V1.ListStockAdjustmentsRequest;

namespace Dixis.Services.Tests.Orders.Lifecycle;

/// <summary>An order's moves through the API: shipment progress, producers moving their parcels, cancellation, and the history they leave.</summary>
public sealed class OrderLifecycleTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<(SeededProduct Oil, SeededProduct Soap, Shopper Shopper, PlaceOrderResponse Placed)> TwoProducerOrderAsync(CommercePlatform platform, PaymentMethod method)
    {
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(method, (oil.Sku, 1), (soap.Sku, 2));
        return (oil, soap, shopper, placed);
    }

    private static RecordShipmentProgressRequest Progress(Order order, Parcel parcel, ParcelState state, string? eventId = null) => new()
    {
        OrderId = order.Id,
        ParcelId = parcel.Id,
        ShipmentId = $"shp-{parcel.Id}",
        State = state,
        TrackingNumber = $"DX{parcel.Id.ToUpperInvariant()}123",
        TrackingUri = $"https://track.dixis.gr/DX{parcel.Id}",
        EventId = eventId ?? Guid.NewGuid().ToString(),
        Actor = new Actor { Kind = ActorKind.Carrier, Id = "carrier:dixis-courier" },
    };

    [Fact]
    public async Task Cash_on_delivery_parcels_move_to_delivered_and_the_last_delivery_pays_the_order()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        var order = placed.Order;
        var oilParcel = order.Parcels.Single(parcel => parcel.ProducerId == oil.Producer.Id);
        var soapParcel = order.Parcels.Single(parcel => parcel.ProducerId == soap.Producer.Id);

        var preparing = await platform.Orders.RecordShipmentProgressAsync(Progress(order, oilParcel, ParcelState.Preparing), cancellationToken: Cancellation);
        Assert.Equal(ParcelState.Preparing, preparing.Parcels.Single(p => p.Id == oilParcel.Id).State);
        Assert.Equal($"shp-{oilParcel.Id}", preparing.Parcels.Single(p => p.Id == oilParcel.Id).ShipmentId);
        Assert.Equal(OrderState.Confirmed, preparing.State);

        var shipped = await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = order.Id, ParcelId = oilParcel.Id, State = ParcelState.Shipped, Note = "handed to the courier" },
            TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation);
        Assert.Equal(OrderState.PartiallyShipped, shipped.State);

        await platform.Orders.RecordShipmentProgressAsync(Progress(order, soapParcel, ParcelState.Shipped), cancellationToken: Cancellation);
        var delivered = await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = order.Id, ParcelId = oilParcel.Id, State = ParcelState.Delivered },
            TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation);
        Assert.Equal(OrderState.Shipped, delivered.State);
        var half = await shopper.GetAsync(order.Id);
        Assert.True(half.Totals.PaidTotal.AmountMinor > 0 && half.Totals.PaidTotal.AmountMinor < half.Totals.GrandTotal.AmountMinor);

        var last = await platform.Orders.RecordShipmentProgressAsync(Progress(order, soapParcel, ParcelState.Delivered), cancellationToken: Cancellation);
        Assert.Equal(OrderState.Delivered, last.State);
        var final = await shopper.GetAsync(order.Id);
        Assert.Equal(final.Totals.GrandTotal, final.Totals.PaidTotal);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = final.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(PaymentState.Succeeded, payment.State);

        // The timeline: placed, then each parcel's moves with their actors, and the order's derived states.
        Assert.Equal(
            [OrderState.Confirmed, OrderState.PartiallyShipped, OrderState.Shipped, OrderState.Delivered],
            final.History.Where(change => change.ParcelId.Length == 0).Select(change => change.ToState));
        Assert.Contains(final.History, change => change.ParcelId == oilParcel.Id && change.ParcelToState == ParcelState.Shipped
            && change.Actor.Kind == ActorKind.Producer && change.Reason == "handed to the courier");
        Assert.Contains(final.History, change => change.ParcelId == soapParcel.Id && change.Actor.Kind == ActorKind.Carrier);
    }

    [Fact]
    public async Task A_repeated_shipment_event_or_state_changes_nothing()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (_, _, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        var parcel = placed.Order.Parcels[0];
        var progress = Progress(placed.Order, parcel, ParcelState.Shipped);

        var first = await platform.Orders.RecordShipmentProgressAsync(progress, cancellationToken: Cancellation);
        var again = await platform.Orders.RecordShipmentProgressAsync(progress, cancellationToken: Cancellation);
        var sameState = await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = placed.Order.Id, ParcelId = parcel.Id, State = ParcelState.Shipped },
            TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(first.History.Count, again.History.Count);
        Assert.Equal(first.Etag, again.Etag);
        Assert.Equal(first.Etag, sameState.Etag);
        Assert.Equal(first.History.Count, (await shopper.GetAsync(placed.Order.Id)).History.Count);
    }

    [Fact]
    public async Task Illegal_moves_fail_with_illegal_state_transition()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, _, _, unpaid) = await TwoProducerOrderAsync(platform, PaymentMethod.BankTransfer);
        var parcel = unpaid.Order.Parcels.Single(p => p.ProducerId == oil.Producer.Id);

        // Not paid yet: nothing ships.
        await RpcAssert.FailsAsync(() => platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = unpaid.Order.Id, ParcelId = parcel.Id, State = ParcelState.Shipped },
            TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ILLEGAL_STATE_TRANSITION");

        // Delivered cannot go back to shipped.
        var (cod, _, _, confirmed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        var codParcel = confirmed.Order.Parcels.Single(p => p.ProducerId == cod.Producer.Id);
        await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = confirmed.Order.Id, ParcelId = codParcel.Id, State = ParcelState.Shipped }, TestCallers.Admin, cancellationToken: Cancellation);
        await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = confirmed.Order.Id, ParcelId = codParcel.Id, State = ParcelState.Delivered }, TestCallers.Admin, cancellationToken: Cancellation);
        await RpcAssert.FailsAsync(() => platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = confirmed.Order.Id, ParcelId = codParcel.Id, State = ParcelState.Shipped },
            TestCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ILLEGAL_STATE_TRANSITION");

        // A parcel state a person may not set.
        await RpcAssert.InvalidFieldAsync(() => platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = confirmed.Order.Id, ParcelId = codParcel.Id, State = ParcelState.Preparing },
            TestCallers.Admin, cancellationToken: Cancellation), "state");
    }

    [Fact]
    public async Task A_producer_moves_only_their_own_parcel()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, _, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        var soapParcel = placed.Order.Parcels.Single(p => p.ProducerId == soap.Producer.Id);

        await RpcAssert.FailsAsync(() => platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = placed.Order.Id, ParcelId = soapParcel.Id, State = ParcelState.Shipped },
            TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
        await RpcAssert.FailsAsync(() => platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = placed.Order.Id, ParcelId = soapParcel.Id, State = ParcelState.Shipped },
            TestCallers.Customer(placed.Order.CustomerUserId), cancellationToken: Cancellation), StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Cancelling_before_shipping_releases_the_stock_and_records_who_cancelled()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.BankTransfer);
        Assert.Equal(99, (await platform.StockAsync(oil.Sku)).Available);

        var cancelled = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "changed my mind", Etag = placed.Order.Etag },
            shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.All(cancelled.Parcels, parcel => Assert.Equal(ParcelState.Cancelled, parcel.State));
        var change = cancelled.History.Last();
        Assert.Equal((OrderState.PendingPayment, OrderState.Cancelled, ActorKind.Customer, "changed my mind"), (change.FromState, change.ToState, change.Actor.Kind, change.Reason));
        await Eventually.ReadAsync(() => platform.StockAsync(soap.Sku), level => level.Available == 100);
        Assert.Equal(100, (await platform.StockAsync(soap.Sku)).Available);
        Assert.Equal(100, (await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.Available == 100)).Available);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = cancelled.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(PaymentState.Cancelled, payment.State);

        // Cancelling again changes nothing; a stale etag is refused.
        var again = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(cancelled.Etag, again.Etag);
    }

    [Fact]
    public async Task A_commit_the_catalog_refuses_is_expected_for_a_cancelled_order_and_a_dead_letter_for_a_live_one()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (_, _, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.BankTransfer);
        await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "changed my mind" }, shopper.Token, cancellationToken: Cancellation);
        await Eventually.ReadAsync(
            () => platform.Catalog.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = placed.Order.Id }, TestCallers.Admin, cancellationToken: Cancellation).ResponseAsync,
            reservation => reservation.State == CatalogReservationState.Released);
        var commit = platform.OrdersService.Services.GetServices<IOutboxHandler>().Single(handler => handler.MessageType == OrderEffects.CommitReservationType);

        // The cancelled order's hold is gone: the refusal is the intended outcome, and the message completes.
        await commit.HandleAsync(CommitOf(placed.Order.Id), Cancellation);

        // An order not cancelled whose hold the catalog does not have needs an operator: a dead letter, not a log line.
        var refused = await Assert.ThrowsAsync<PermanentOutboxFailureException>(() => commit.HandleAsync(CommitOf(Guid.NewGuid().ToString()), Cancellation));
        Assert.Contains("reconcile its stock, then requeue", refused.Message, StringComparison.Ordinal);
    }

    private static OutboxEnvelope CommitOf(string orderId) =>
        new(Guid.NewGuid().ToString(), OrderEffects.CommitReservationType,
            new Dixis.Contracts.Catalog.V1.CommitReservationRequest { OrderId = orderId }.ToByteArray(), 1, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Cancelling_a_confirmed_cash_on_delivery_order_puts_its_committed_stock_back_in_the_catalog()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, _, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        // Confirmed at once, so the reservation is committed: the units left on-hand stock.
        await platform.ReservationAsync(placed.Order.Id, CatalogReservationState.Committed);
        Assert.Equal((99L, 98L), ((await platform.StockAsync(oil.Sku)).OnHand, (await platform.StockAsync(soap.Sku)).OnHand));

        var cancelled = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "the farm ran out" }, TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        var reservation = await platform.ReservationAsync(placed.Order.Id, CatalogReservationState.Returned);
        Assert.Equal(CatalogReservationState.Returned, reservation.State);
        foreach (var sku in new[] { oil.Sku, soap.Sku })
        {
            var level = await platform.StockAsync(sku);
            Assert.Equal((100L, 0L, 100L), (level.OnHand, level.Reserved, level.Available));
        }

        var adjustments = await platform.Catalog.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = soap.Sku }, TestCallers.Admin, cancellationToken: Cancellation);
        var returned = adjustments.Adjustments[0];
        Assert.Equal((AdjustmentReason.Return, 2L, 100L), (returned.Reason, returned.Delta, returned.OnHandAfter));
        Assert.Contains(placed.Order.Id, returned.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_at_once_gets_the_stock_back_whether_or_not_the_commit_arrived()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, _, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);

        // No wait for the commit: the return may overtake it (the hold is released and the late commit refused) or follow it.
        await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, TestCallers.Admin, cancellationToken: Cancellation);

        var reservation = await Eventually.ReadAsync(
            () => platform.Catalog.Inventory.GetReservationAsync(new GetReservationRequest { OrderId = placed.Order.Id }, cancellationToken: Cancellation).ResponseAsync,
            r => r.State is CatalogReservationState.Returned or CatalogReservationState.Released);
        Assert.Contains(reservation.State, new[] { CatalogReservationState.Returned, CatalogReservationState.Released });
        foreach (var sku in new[] { oil.Sku, soap.Sku })
        {
            var level = await Eventually.ReadAsync(() => platform.StockAsync(sku), l => l.OnHand == 100 && l.Available == 100);
            Assert.Equal((100L, 0L, 100L), (level.OnHand, level.Reserved, level.Available));
        }
    }

    [Fact]
    public async Task Cancelling_a_paid_bank_transfer_order_refunds_it_and_puts_its_stock_back()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, soap, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.BankTransfer);
        await platform.ConfirmBankTransferAsync(placed.Order);
        await platform.ReservationAsync(placed.Order.Id, CatalogReservationState.Committed);
        Assert.Equal(98, (await platform.StockAsync(soap.Sku)).OnHand);

        var cancelled = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "changed my mind" }, shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.Equal(cancelled.Totals.GrandTotal, cancelled.Totals.RefundedTotal);
        var refund = Assert.Single((await platform.Payments.ListRefundsAsync(new ListRefundsRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation)).Refunds);
        Assert.Equal((RefundState.Succeeded, cancelled.Totals.GrandTotal), (refund.State, refund.Amount));
        await platform.ReservationAsync(placed.Order.Id, CatalogReservationState.Returned);
        foreach (var sku in new[] { oil.Sku, soap.Sku })
        {
            var level = await platform.StockAsync(sku);
            Assert.Equal((100L, 0L, 100L), (level.OnHand, level.Reserved, level.Available));
        }
    }

    [Fact]
    public async Task A_stale_etag_is_refused()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (_, _, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        await platform.Orders.RecordShipmentProgressAsync(Progress(placed.Order, placed.Order.Parcels[0], ParcelState.Preparing), cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Etag = placed.Order.Etag }, shopper.Token, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
    }

    [Fact]
    public async Task An_order_with_a_shipped_parcel_cannot_be_cancelled()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (oil, _, shopper, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);
        var parcel = placed.Order.Parcels.Single(p => p.ProducerId == oil.Producer.Id);
        await platform.Orders.UpdateParcelStateAsync(new UpdateParcelStateRequest { OrderId = placed.Order.Id, ParcelId = parcel.Id, State = ParcelState.Shipped },
            TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ORDER_NOT_CANCELLABLE");
        Assert.Equal(OrderState.PartiallyShipped, (await shopper.GetAsync(placed.Order.Id)).State);
    }

    [Fact]
    public async Task An_admin_cancels_a_confirmed_order()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (_, _, _, placed) = await TwoProducerOrderAsync(platform, PaymentMethod.CashOnDelivery);

        var cancelled = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "fraud check" }, TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.Equal(ActorKind.Admin, cancelled.History.Last().Actor.Kind);
    }

    [Fact]
    public async Task A_shipment_event_without_its_ids_is_refused()
    {
        await using var platform = await OrderPlatform.StartAsync();

        var error = await RpcAssert.FailsAsync(() => platform.Orders.RecordShipmentProgressAsync(new RecordShipmentProgressRequest { State = ParcelState.Shipped }, cancellationToken: Cancellation), StatusCode.InvalidArgument);

        RpcAssert.Violation(error, "order_id");
        RpcAssert.Violation(error, "parcel_id");
        RpcAssert.Violation(error, "event_id");
        await RpcAssert.FailsAsync(() => platform.Orders.RecordShipmentProgressAsync(new RecordShipmentProgressRequest { OrderId = "nope", ParcelId = "p1", EventId = "e1", State = ParcelState.Shipped }, cancellationToken: Cancellation),
            StatusCode.NotFound, "ORDER_NOT_FOUND");
    }
}
