using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Orders.Orders;

/// <summary>
/// GetOrder and ListOrders, newest first, with visibility: customers their own orders, producers the orders with a
/// parcel of theirs (from the parcel index), admins all with filters. Paging is the store's cursor wrapped in a page
/// token bound to the caller and filters.
/// </summary>
public sealed class OrderQueries(OrderRepository orders)
{
    private const string Domain = OrderErrors.Domain;

    public async Task<Order> GetAsync(string orderId, Caller caller, CancellationToken cancellationToken)
    {
        if (orderId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "order_id", "is required.");
        }

        var order = await orders.GetAsync(orderId, cancellationToken);
        return order is not null && OrderViews.CanSee(order.Value, caller) ? OrderViews.For(order, caller) : throw OrderErrors.OrderNotFound(orderId);
    }

    public async Task<ListOrdersResponse> ListAsync(ListOrdersRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, 20, 100, Domain);
        if (!caller.IsAdmin && request.CustomerUserId.Length > 0 && request.CustomerUserId != caller.Subject)
        {
            throw RpcErrors.PermissionDenied(Domain, RpcErrors.AccessDeniedReason, "Only admins may list other customers' orders (customer_user_id).");
        }

        if (!caller.IsAdmin && request.ProducerId.Length > 0 && request.ProducerId != caller.ProducerId)
        {
            throw RpcErrors.PermissionDenied(Domain, RpcErrors.AccessDeniedReason, "Producers list only their own orders (producer_id).");
        }

        var producerId = caller.IsAdmin ? request.ProducerId : caller.IsProducer ? caller.ProducerId! : string.Empty;
        var customerId = caller.IsAdmin ? request.CustomerUserId : caller.IsProducer ? request.CustomerUserId : caller.Subject ?? string.Empty;
        var filters = new List<Filter>();
        if (customerId.Length > 0)
        {
            filters.Add(Filter.Eq("customerUserId", customerId));
        }

        if (request.State != OrderState.Unspecified)
        {
            filters.Add(Filter.Eq("state", request.State.ToString()));
        }

        if (request.StartTime is { } start)
        {
            filters.Add(Filter.Gte("createTimeMs", start.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        }

        if (request.EndTime is { } end)
        {
            filters.Add(Filter.Lt("createTimeMs", end.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        }

        var fingerprint = $"orders|{caller.ActorId}|{producerId}|{customerId}|{request.State}|{request.StartTime}|{request.EndTime}";
        var response = new ListOrdersResponse();
        if (producerId.Length > 0)
        {
            filters.Add(Filter.Eq("producerId", producerId));
            var (entries, next) = await orders.Parcels.PageAsync(Paged(filters, pageSize), request.PageToken, fingerprint, Domain, cancellationToken);
            var found = (await orders.Orders.GetManyAsync(entries.Select(entry => entry.Value.OrderId), cancellationToken)).ToDictionary(order => order.Id, StringComparer.Ordinal);
            response.Orders.AddRange(entries
                .Select(entry => found.GetValueOrDefault(entry.Value.OrderId))
                .Where(order => order is not null && OrderViews.CanSee(order.Value, caller))
                .Select(order => OrderViews.For(order!, caller)));
            response.NextPageToken = next;
            return response;
        }

        filters.Add(Filter.Eq("stage", nameof(CheckoutStage.Placed)));
        var (items, nextPage) = await orders.Orders.PageAsync(Paged(filters, pageSize), request.PageToken, fingerprint, Domain, cancellationToken);
        response.Orders.AddRange(items.Select(order => OrderViews.For(order, caller)));
        response.NextPageToken = nextPage;
        return response;
    }

    private static Query Paged(List<Filter> filters, int pageSize) => new()
    {
        Filter = Filter.And(filters),
        Sort = [SortField.DescendingBy("createTimeMs")],
        PageSize = pageSize,
    };
}
