using Dixis.Contracts.Shipping.V1;
using Dixis.Shipping.Tracking;
using Grpc.Core;

namespace Dixis.Shipping.Grpc;

/// <summary><c>dixis.shipping.v1.TrackingService</c>: tracking events reported through the API, timelines, public tracking.</summary>
public sealed class TrackingGrpcService(TrackingEventReports reports, TrackingTimeline timeline) : TrackingService.TrackingServiceBase
{
    public override Task<TrackingEvent> AddTrackingEvent(AddTrackingEventRequest request, ServerCallContext context) =>
        reports.AddAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<ListTrackingEventsResponse> ListTrackingEvents(ListTrackingEventsRequest request, ServerCallContext context) =>
        timeline.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<TrackShipmentResponse> TrackShipment(TrackShipmentRequest request, ServerCallContext context) =>
        timeline.TrackAsync(request, context.CancellationToken);
}
