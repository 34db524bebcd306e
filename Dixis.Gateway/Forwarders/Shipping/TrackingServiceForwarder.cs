using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Shipping;

/// <summary>Serves <c>dixis.shipping.v1.TrackingService</c> at the gateway by forwarding each call to the shipping service.</summary>
public sealed class TrackingServiceForwarder(GrpcForwarder forwarder, TrackingService.TrackingServiceClient downstream)
    : TrackingService.TrackingServiceBase
{
    public override Task<TrackingEvent> AddTrackingEvent(AddTrackingEventRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.AddTrackingEventAsync, request, context);

    public override Task<ListTrackingEventsResponse> ListTrackingEvents(ListTrackingEventsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListTrackingEventsAsync, request, context);

    public override Task<TrackShipmentResponse> TrackShipment(TrackShipmentRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.TrackShipmentAsync, request, context);
}
