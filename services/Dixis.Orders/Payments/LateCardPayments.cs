using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Orders.Refunds;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Payments;

/// <summary>
/// A card payment that succeeded after its order was closed unpaid (expired, cancelled, or failed and then paid with
/// another card): the customer paid for an order that will never ship, so the money goes back at once. The payment is
/// recorded as received and, in the same change, refunded in full through the refund path (a pending card refund and
/// its outbox effect, sent to the provider with the refund id as idempotency key). The order keeps its closed state;
/// two history entries say what happened and why.
/// </summary>
public static class LateCardPayments
{
    /// <summary>
    /// Whether the order was closed before its payment was received. Once the late payment is recorded the payment is
    /// no longer in such a state, so a duplicate or out-of-order webhook finds nothing to do and nothing is refunded twice.
    /// </summary>
    public static bool IsClosedUnpaid(OrderDocument order) =>
        order.Stage == CheckoutStage.Placed
        && order.State is OrderState.Cancelled or OrderState.PaymentFailed
        && order.Payment.State is PaymentState.Cancelled or PaymentState.Expired or PaymentState.Failed;

    /// <summary>Records <paramref name="receivedMinor"/> as paid and refunds all of it.</summary>
    public static OrderChange ReceiveAndRefund(OrderDocument order, long receivedMinor, Actor provider, string eventType, DateTimeOffset now)
    {
        var payment = order.Payment;
        var why = Why(order);
        var paidAt = Timestamp.FromDateTimeOffset(now);
        payment.State = PaymentState.Succeeded;
        payment.FailureReason = string.Empty;
        payment.PaidTime = paidAt;
        payment.UpdateTime = paidAt;
        order.Order.Totals.PaidTotal = new() { CurrencyCode = payment.Amount.CurrencyCode, AmountMinor = receivedMinor };
        OrderHistory.Note(order, provider, $"{eventType} after {why}: payment received", now);

        var refundId = Guid.CreateVersion7(now).ToString("D");
        var platform = OrderHistory.System("orders");
        var refund = RefundBook.Record(order, refundId, receivedMinor, [], includeShipping: true, $"paid after {why}: refunded in full", platform, now);
        OrderHistory.Note(order, platform, $"payment received after {why}: refunded in full (refund {refundId})", now);
        var change = refund.State == RefundState.Pending ? OrderChange.With(OrderEffects.ExecuteRefund(order.Order.Id, refundId)) : new OrderChange();
        change.NewRefunds.Add((refundId, new RefundDocument
        {
            OrderId = order.Order.Id,
            CreateTimeMs = now.ToUnixTimeMilliseconds(),
            RequestFingerprint = "late-payment",
            Refund = refund,
        }));
        return change;
    }

    private static string Why(OrderDocument order) => order.Payment.State switch
    {
        PaymentState.Expired => "the order expired unpaid",
        PaymentState.Failed => "the order's payment had failed",
        _ => "the order was cancelled",
    };
}
