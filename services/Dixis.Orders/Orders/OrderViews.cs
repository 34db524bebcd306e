using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Orders.Orders;

/// <summary>
/// Who sees which order, and how much of it: the customer their own orders; a producer the orders with a parcel of
/// theirs, with only their own lines and parcels and without the customer's payment details; admins everything.
/// Anyone else gets NOT_FOUND, never a hint that the order exists.
/// </summary>
public static class OrderViews
{
    public static bool CanSee(OrderDocument order, Caller caller) =>
        order.Stage == CheckoutStage.Placed
        && (caller.IsAdmin
            || (caller.Subject is not null && order.CustomerUserId == caller.Subject)
            || (caller.IsProducer && order.Order.Parcels.Any(parcel => parcel.ProducerId == caller.ProducerId)));

    /// <summary>The order as <paramref name="caller"/> may see it (call <see cref="CanSee"/> first).</summary>
    public static Order For(Document<OrderDocument> document, Caller caller)
    {
        var order = document.Value.Order.Clone();
        order.State = document.Value.State;
        order.Etag = Etag.Of(document.Version);
        if (caller.IsAdmin || order.CustomerUserId == caller.Subject)
        {
            return order;
        }

        var producerId = caller.ProducerId;
        var ownLines = order.Lines.Where(line => line.ProducerId == producerId).ToList();
        var ownParcels = order.Parcels.Where(parcel => parcel.ProducerId == producerId).ToList();
        var ownParcelIds = ownParcels.Select(parcel => parcel.Id).ToHashSet(StringComparer.Ordinal);
        var ownHistory = order.History.Where(change => change.ParcelId.Length == 0 || ownParcelIds.Contains(change.ParcelId)).ToList();
        order.Lines.Clear();
        order.Lines.AddRange(ownLines);
        order.Parcels.Clear();
        order.Parcels.AddRange(ownParcels);
        order.History.Clear();
        order.History.AddRange(ownHistory);

        // The producer needs where to ship and what they sell, not what the customer paid overall or how.
        order.PaymentId = string.Empty;
        order.ContactEmail = string.Empty;
        var currency = order.Totals.GrandTotal.CurrencyCode;
        var items = ownLines.Sum(line => line.LineTotal.AmountMinor);
        var shipping = ownParcels.Sum(parcel => parcel.Shipping?.Price?.AmountMinor ?? 0);
        order.Totals = new OrderTotals
        {
            ItemsTotal = new() { CurrencyCode = currency, AmountMinor = items },
            ShippingTotal = new() { CurrencyCode = currency, AmountMinor = shipping },
        };
        return order;
    }

    /// <summary>The payment as <paramref name="caller"/> may see it: the provider's reference for admins only.</summary>
    public static Payment PaymentFor(OrderDocument order, Caller caller)
    {
        var payment = order.Payment.Clone();
        if (!caller.IsAdmin)
        {
            payment.ProviderReference = string.Empty;
        }

        return payment;
    }

    /// <summary>Payments and refunds are the customer's and the admins' business, not a producer's.</summary>
    public static bool CanSeePayments(OrderDocument order, Caller caller) =>
        order.Stage == CheckoutStage.Placed && (caller.IsAdmin || (caller.Subject is not null && order.CustomerUserId == caller.Subject));
}
