using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Refunds;

/// <summary>
/// Books a refund on its order: refunded totals of the order and the payment, refunded units of the lines, and the
/// order's refund state. Card refunds start PENDING (the provider is called after the unit of work); other methods are
/// recorded as SUCCEEDED: an administrator pays them out by hand.
/// </summary>
public static class RefundBook
{
    public static Refund Record(OrderDocument order, string refundId, long amountMinor, IReadOnlyList<RefundLineQuantity> lines, bool includeShipping, string reason, Actor actor, DateTimeOffset now)
    {
        var totals = order.Order.Totals;
        var currency = totals.GrandTotal.CurrencyCode;
        var refunded = totals.RefundedTotal.AmountMinor + amountMinor;
        totals.RefundedTotal = new() { CurrencyCode = currency, AmountMinor = refunded };
        foreach (var line in lines)
        {
            order.Order.Lines.Single(l => l.Id == line.OrderLineId).RefundedQuantity += line.Quantity;
        }

        var payment = order.Payment;
        payment.RefundedAmount = new() { CurrencyCode = currency, AmountMinor = refunded };
        payment.UpdateTime = Timestamp.FromDateTimeOffset(now);
        var whole = refunded >= totals.GrandTotal.AmountMinor;
        payment.State = whole ? PaymentState.Refunded : PaymentState.PartiallyRefunded;
        // An order closed before fulfilment (cancelled, or failed and then paid late) keeps its state: the payment's
        // state and the refund tell the money's story.
        if (order.State is not (OrderState.Cancelled or OrderState.PaymentFailed))
        {
            OrderHistory.Move(order, whole ? OrderState.Refunded : OrderState.PartiallyRefunded, actor, reason, now);
        }

        var card = payment.Method == PaymentMethod.Card;
        var refund = new Refund
        {
            Id = refundId,
            OrderId = order.Order.Id,
            PaymentId = payment.Id,
            Amount = new() { CurrencyCode = currency, AmountMinor = amountMinor },
            IncludeShipping = includeShipping,
            Reason = reason,
            State = card ? RefundState.Pending : RefundState.Succeeded,
            Actor = actor,
            CreateTime = Timestamp.FromDateTimeOffset(now),
        };
        refund.Lines.AddRange(lines.Select(line => new RefundLine { OrderLineId = line.OrderLineId, Quantity = line.Quantity }));
        if (!card)
        {
            refund.CompleteTime = refund.CreateTime;
        }

        return refund;
    }
}
