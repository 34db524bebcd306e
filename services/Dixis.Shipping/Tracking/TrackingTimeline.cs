using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Dixis.Shipping.Shipments;

namespace Dixis.Shipping.Tracking;

/// <summary>A shipment's timeline, oldest first: in full for those who may see the shipment, reduced for anyone with its tracking number.</summary>
public sealed class TrackingTimeline(ShipmentRepository shipments, TrackingEventRecorder recorder)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    private static readonly IReadOnlyList<SortField> OldestFirst = [SortField.Ascending("eventTimeMs"), SortField.Ascending("recordTimeMs")];

    public async Task<ListTrackingEventsResponse> ListAsync(ListTrackingEventsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, ShipmentErrors.Domain);
        var shipment = await shipments.VisibleAsync(request.ShipmentId, caller, manage: false, cancellationToken);
        var query = new Query { Filter = Filter.Eq("shipmentId", shipment.Id), Sort = OldestFirst, PageSize = pageSize };
        var (items, next) = await recorder.Events.PageAsync(query, request.PageToken, $"ListTrackingEvents|{shipment.Id}", ShipmentErrors.Domain, cancellationToken);
        var response = new ListTrackingEventsResponse { NextPageToken = next };
        response.TrackingEvents.AddRange(items.Select(TrackingEventMapper.ToContract));
        return response;
    }

    /// <summary>Public: states, times, places and descriptions only — no names, addresses, ids or reporters.</summary>
    public async Task<TrackShipmentResponse> TrackAsync(TrackShipmentRequest request, CancellationToken cancellationToken)
    {
        var number = request.TrackingNumber.Trim();
        if (number.Length is 0 or > ShipmentLimits.MaxTrackingNumberLength)
        {
            throw RpcErrors.InvalidField(ShipmentErrors.Domain, "tracking_number", $"is required, at most {ShipmentLimits.MaxTrackingNumberLength} characters.");
        }

        var shipment = await shipments.FindByTrackingNumberAsync(number, cancellationToken) ?? throw ShipmentErrors.ShipmentNotFound(number);
        var events = await recorder.Events.ListAllAsync(Filter.Eq("shipmentId", shipment.Id), cancellationToken);
        var response = new TrackShipmentResponse { CarrierId = shipment.Value.CarrierId, State = shipment.Value.State };
        response.TrackingEvents.AddRange(events
            .OrderBy(e => e.Value.EventTimeMs).ThenBy(e => e.Value.RecordTimeMs).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(TrackingEventMapper.ToPublicContract));
        return response;
    }
}
