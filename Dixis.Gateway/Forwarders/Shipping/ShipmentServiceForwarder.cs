using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Shipping;

/// <summary>Serves <c>dixis.shipping.v1.ShipmentService</c> at the gateway by forwarding each call to the shipping service.</summary>
/// <remarks>Not overridden, so not served by the gateway (UNIMPLEMENTED): the service-to-service methods <c>CreateShipment</c>, <c>CancelOrderShipments</c>.</remarks>
public sealed class ShipmentServiceForwarder(GrpcForwarder forwarder, ShipmentService.ShipmentServiceClient downstream)
    : ShipmentService.ShipmentServiceBase
{
    public override Task<Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetShipmentAsync, request, context);

    public override Task<ListShipmentsResponse> ListShipments(ListShipmentsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListShipmentsAsync, request, context);

    public override Task<Google.Api.HttpBody> GetShipmentLabel(GetShipmentLabelRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetShipmentLabelAsync, request, context);
}
