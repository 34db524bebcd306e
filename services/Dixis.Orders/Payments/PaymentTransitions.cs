using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Payments;

/// <summary>
/// The two ends of an unpaid order, whoever reaches them (Stripe, an admin confirming a transfer, the expiry sweeper):
/// paid — the reservation is committed and the shipments are created, through the outbox; or failed — the stock is
/// released. Both only from PENDING_PAYMENT with a pending payment, so a repeated or late outcome changes nothing.
/// </summary>
public static class PaymentTransitions
{
    public static bool IsAwaitingPayment(OrderDocument order) =>
        order.Stage == CheckoutStage.Placed && order.State == OrderState.PendingPayment && order.Payment.State == PaymentState.Pending;

    public static OrderChange Pay(OrderDocument order, Actor actor, string reason, DateTimeOffset now)
    {
        var payment = order.Payment;
        OrderHistory.Move(order, OrderState.Paid, actor, reason, now);
        payment.State = PaymentState.Succeeded;
        payment.PaidTime = Timestamp.FromDateTimeOffset(now);
        payment.UpdateTime = payment.PaidTime;
        order.Order.Totals.PaidTotal = payment.Amount.Clone();
        order.Order.ExpireTime = null;
        order.ExpireTimeMs = null;
        var change = OrderChange.With(OrderEffects.CommitReservation(order.Order.Id));
        change.Effects.AddRange(OrderEffects.CreateShipments(order));
        return change;
    }

    public static OrderChange Fail(OrderDocument order, PaymentState paymentState, string failureReason, Actor actor, string reason, DateTimeOffset now)
    {
        var payment = order.Payment;
        OrderHistory.Move(order, OrderState.PaymentFailed, actor, reason, now);
        payment.State = paymentState;
        payment.FailureReason = failureReason;
        payment.UpdateTime = Timestamp.FromDateTimeOffset(now);
        order.ExpireTimeMs = null;
        var change = OrderChange.With(OrderEffects.ReleaseReservation(order.Order.Id, paymentState == PaymentState.Expired ? "payment_expired" : "payment_failed"));
        foreach (var parcel in order.Order.Parcels)
        {
            parcel.State = ParcelState.Cancelled;
        }

        if (payment.Method == PaymentMethod.Card && payment.ProviderReference.Length > 0 && paymentState == PaymentState.Expired)
        {
            change.Effects.Add(OrderEffects.CancelCardPayment(payment.ProviderReference));
        }

        return change;
    }
}
