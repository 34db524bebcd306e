using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Orders.Payments;

/// <summary>GetPayment and ListPayments: the order's customer and admins only; the provider's reference for admins only.</summary>
public sealed class PaymentQueries(OrderRepository orders, PaymentMethods methods)
{
    private const string Domain = OrderErrors.Domain;

    public async Task<Payment> GetAsync(string paymentId, Caller caller, CancellationToken cancellationToken)
    {
        if (paymentId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "payment_id", "is required.");
        }

        var order = paymentId.Length <= 64 ? await orders.FindByPaymentIdAsync(paymentId, cancellationToken) : null;
        return order is not null && OrderViews.CanSeePayments(order.Value, caller) ? OrderViews.PaymentFor(order.Value, caller) : throw OrderErrors.PaymentNotFound(paymentId);
    }

    /// <summary>An order has one payment (a failed payment fails the order), so the list is one page of one.</summary>
    public async Task<ListPaymentsResponse> ListAsync(ListPaymentsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        PageSize.Resolve(request.PageSize, 20, 100, Domain);
        if (request.OrderId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "order_id", "is required.");
        }

        _ = PageTokens.Read(request.PageToken, $"payments|{request.OrderId}", Domain);
        var order = await orders.GetAsync(request.OrderId, cancellationToken);
        if (order is null || !OrderViews.CanSeePayments(order.Value, caller))
        {
            throw OrderErrors.OrderNotFound(request.OrderId);
        }

        var response = new ListPaymentsResponse();
        response.Payments.Add(OrderViews.PaymentFor(order.Value, caller));
        return response;
    }

    public ListPaymentMethodsResponse ListMethods(ListPaymentMethodsRequest request)
    {
        var pageSize = PageSize.Resolve(request.PageSize, 50, 50, Domain);
        var offset = int.TryParse(PageTokens.Read(request.PageToken, "payment-methods", Domain), out var start) ? start : 0;
        var all = methods.List();
        var response = new ListPaymentMethodsResponse();
        response.PaymentMethods.AddRange(all.Skip(offset).Take(pageSize));
        response.NextPageToken = offset + pageSize < all.Count ? PageTokens.Issue((offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture), "payment-methods") : string.Empty;
        return response;
    }
}
