using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Model;
using Dixis.Persistence.Outbox;
using Google.Protobuf;

namespace Dixis.Orders.Effects;

/// <summary>
/// The outbox messages an order change enqueues with itself. Each payload is the request the handler sends, so the
/// call made after a crash is byte for byte the one decided in the transaction; every call is idempotent on the other
/// side (reservations by order id, shipments by request id), which makes at-least-once delivery safe.
/// </summary>
public static class OrderEffects
{
    public const string CommitReservationType = "orders.commit-reservation";
    public const string ReleaseReservationType = "orders.release-reservation";
    public const string ReturnReservationType = "orders.return-reservation";
    public const string CreateShipmentType = "orders.create-shipment";
    public const string CancelShipmentsType = "orders.cancel-shipments";
    public const string ExecuteRefundType = "orders.execute-refund";
    public const string CancelCardPaymentType = "orders.cancel-card-payment";

    public static OutboxMessage CommitReservation(string orderId) =>
        new(CommitReservationType, new CommitReservationRequest { OrderId = orderId }.ToByteArray());

    public static OutboxMessage ReleaseReservation(string orderId, string reason) =>
        new(ReleaseReservationType, new ReleaseReservationRequest { OrderId = orderId, Reason = reason }.ToByteArray());

    /// <summary>Puts a cancelled order's committed units back on hand (a still-held reservation is released instead).</summary>
    public static OutboxMessage ReturnReservation(string orderId, string reason) =>
        new(ReturnReservationType, new ReturnReservationRequest { OrderId = orderId, Reason = reason }.ToByteArray());

    /// <summary>
    /// Cancels a cancelled order's shipments, naming every parcel: Shipping records the ones without a shipment yet as
    /// cancelled, so a <see cref="CreateShipments"/> message still in the outbox can never create one afterwards.
    /// </summary>
    public static OutboxMessage CancelShipments(OrderDocument order, string reason)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = new CancelOrderShipmentsRequest { OrderId = order.Order.Id, Reason = reason };
        request.ParcelIds.AddRange(order.Order.Parcels.Select(parcel => parcel.Id));
        return new(CancelShipmentsType, request.ToByteArray());
    }

    /// <summary>The idempotency key of a parcel's shipment in the Shipping service.</summary>
    public static string ShipmentRequestId(string orderId, string parcelId) => $"{orderId}/{parcelId}";

    /// <summary>Sends a pending refund to the card provider (the order id and refund id, as UTF-8 <c>order/refund</c>).</summary>
    public static OutboxMessage ExecuteRefund(string orderId, string refundId) =>
        new(ExecuteRefundType, System.Text.Encoding.UTF8.GetBytes($"{orderId}/{refundId}"));

    /// <summary>Cancels the PaymentIntent of an unpaid card order (its id as UTF-8).</summary>
    public static OutboxMessage CancelCardPayment(string paymentIntentId) =>
        new(CancelCardPaymentType, System.Text.Encoding.UTF8.GetBytes(paymentIntentId));

    /// <summary>One shipment per parcel, each with request id <c>&lt;order&gt;/&lt;parcel&gt;</c>.</summary>
    public static IEnumerable<OutboxMessage> CreateShipments(OrderDocument order)
    {
        foreach (var parcel in order.Order.Parcels)
        {
            var logistics = order.Logistics.Single(entry => entry.ParcelId == parcel.Id);
            var currency = order.Order.Totals.GrandTotal.CurrencyCode;
            var request = new CreateShipmentRequest
            {
                RequestId = ShipmentRequestId(order.Order.Id, parcel.Id),
                OrderId = order.Order.Id,
                ParcelId = parcel.Id,
                ProducerId = parcel.ProducerId,
                CustomerUserId = order.CustomerUserId,
                ServiceLevelId = parcel.Shipping.ServiceLevelId,
                Destination = order.Order.ShippingAddress,
                OriginPostalCode = logistics.OriginPostalCode,
                WeightGrams = parcel.WeightGrams,
                Dimensions = new Contracts.Common.V1.Dimensions { LengthMm = logistics.LengthMm, WidthMm = logistics.WidthMm, HeightMm = logistics.HeightMm },
                DeclaredValue = new Contracts.Common.V1.Money { CurrencyCode = currency, AmountMinor = logistics.DeclaredValueMinor },
            };
            if (logistics.CashOnDeliveryMinor > 0)
            {
                request.CashOnDeliveryAmount = new Contracts.Common.V1.Money { CurrencyCode = currency, AmountMinor = logistics.CashOnDeliveryMinor };
            }

            yield return new OutboxMessage(CreateShipmentType, request.ToByteArray());
        }
    }
}
