using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Api;
using Google.Protobuf;

namespace Dixis.Shipping.Shipments;

/// <summary>Shipments as their customer, producer or an admin may read them, and their labels.</summary>
public sealed class ShipmentReader(ShipmentRepository shipments)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Shipment> GetAsync(string shipmentId, Caller caller, CancellationToken cancellationToken) =>
        ShipmentMapper.ToContract(await shipments.VisibleAsync(shipmentId, caller, manage: false, cancellationToken));

    /// <summary>Newest first; the caller's visibility always applies, the request's filters narrow it further.</summary>
    public async Task<ListShipmentsResponse> ListAsync(ListShipmentsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.State != ShipmentState.Unspecified && !Enum.IsDefined(request.State))
        {
            violations.Add("state", "is not a shipment state.");
        }

        if (request.OrderId.Length > ShipmentLimits.MaxIdLength)
        {
            violations.Add("order_id", $"is longer than {ShipmentLimits.MaxIdLength} characters.");
        }

        if (request.ProducerId.Length > ShipmentLimits.MaxIdLength)
        {
            violations.Add("producer_id", $"is longer than {ShipmentLimits.MaxIdLength} characters.");
        }

        violations.ThrowIfAny(ShipmentErrors.Domain);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, ShipmentErrors.Domain);
        var filters = new List<Filter>();
        if (!caller.IsAdmin)
        {
            filters.Add(caller.ProducerId is { } own
                ? Filter.Or(Filter.Eq("producerId", own), Filter.Eq("customerUserId", caller.ActorId))
                : Filter.Eq("customerUserId", caller.ActorId));
        }

        if (request.OrderId.Length > 0)
        {
            filters.Add(Filter.Eq("orderId", request.OrderId));
        }

        if (request.ProducerId.Length > 0)
        {
            filters.Add(Filter.Eq("producerId", request.ProducerId));
        }

        if (request.State != ShipmentState.Unspecified)
        {
            filters.Add(Filter.Eq("state", request.State.ToString()));
        }

        var query = new Query
        {
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => Filter.And(filters) },
            Sort = [SortField.DescendingBy("createTimeMs")],
            PageSize = pageSize,
        };
        var fingerprint = $"ListShipments|{(caller.IsAdmin ? "admin" : caller.ActorId)}|{request.OrderId}|{request.ProducerId}|{request.State}";
        var (items, next) = await shipments.Shipments.PageAsync(query, request.PageToken, fingerprint, ShipmentErrors.Domain, cancellationToken);
        var response = new ListShipmentsResponse { NextPageToken = next };
        response.Shipments.AddRange(items.Select(ShipmentMapper.ToContract));
        return response;
    }

    /// <summary>The printable label, for the shipment's producer or an admin; over HTTP the body is the document itself.</summary>
    public async Task<HttpBody> GetLabelAsync(string shipmentId, Caller caller, CancellationToken cancellationToken)
    {
        var shipment = await shipments.VisibleAsync(shipmentId, caller, manage: true, cancellationToken);
        var label = await shipments.Labels.GetAsync(shipment.Id, cancellationToken) ?? throw ShipmentErrors.ShipmentNotFound(shipmentId);
        return new HttpBody { ContentType = label.Value.ContentType, Data = ByteString.CopyFrom(label.Value.Content) };
    }
}
