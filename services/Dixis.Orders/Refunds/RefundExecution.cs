using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Orders.Payments.Cards;
using Dixis.Persistence.Documents;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Refunds;

/// <summary>
/// Sends a pending card refund to the provider with the refund id as idempotency key (a retry after a crash returns
/// the same provider refund), then records the outcome. A refused refund gives its amount back to the order's refundable total.
/// </summary>
public sealed class RefundExecution(OrderRepository orders, ICardPaymentProvider cards, TimeProvider timeProvider)
{
    public async Task<Document<RefundDocument>?> ExecuteAsync(string orderId, string refundId, CancellationToken cancellationToken)
    {
        var stored = await orders.Refunds.GetAsync(refundId, cancellationToken);
        if (stored is null || stored.Value.Refund.State != RefundState.Pending)
        {
            return stored;
        }

        var order = await orders.GetAsync(orderId, cancellationToken) ?? throw OrderErrors.OrderNotFound(orderId);
        var refund = stored.Value.Refund;
        var result = await cards.RefundAsync(
            new CardRefundRequest(order.Value.Payment.ProviderReference, refund.Amount.AmountMinor, refundId, refund.Reason), cancellationToken);
        if (result.Status == "pending")
        {
            refund.ProviderReference = result.Id;
            return await orders.Refunds.ReplaceAsync(refundId, stored.Value, stored.Version, cancellationToken);
        }

        var failed = result.Status is "failed" or "canceled";
        refund.ProviderReference = result.Id;
        refund.State = failed ? RefundState.Failed : RefundState.Succeeded;
        refund.CompleteTime = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow());
        Document<RefundDocument>? saved = null;
        await orders.ChangeAsync(orderId, current =>
        {
            var change = new OrderChange();
            change.ChangedRefunds.Add((refundId, stored.Value, stored.Version));
            if (failed)
            {
                GiveBack(current.Value, stored.Value);
            }

            return change;
        }, cancellationToken);
        saved = await orders.Refunds.GetAsync(refundId, cancellationToken);
        return saved;
    }

    private static void GiveBack(OrderDocument order, RefundDocument refund)
    {
        var totals = order.Order.Totals;
        var amount = refund.Refund.Amount.AmountMinor;
        totals.RefundedTotal.AmountMinor -= amount;
        order.Payment.RefundedAmount.AmountMinor -= amount;
        order.Payment.State = order.Payment.RefundedAmount.AmountMinor > 0 ? PaymentState.PartiallyRefunded : PaymentState.Succeeded;
        foreach (var line in refund.Lines)
        {
            order.Order.Lines.Single(l => l.Id == line.OrderLineId).RefundedQuantity -= line.Quantity;
        }
    }
}
