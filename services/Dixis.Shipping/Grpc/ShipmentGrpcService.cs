using Dixis.Contracts.Shipping.V1;
using Dixis.Shipping.Shipments;
using Google.Api;
using Grpc.Core;

namespace Dixis.Shipping.Grpc;

/// <summary><c>dixis.shipping.v1.ShipmentService</c>: shipments of order parcels, their visibility and labels.</summary>
public sealed class ShipmentGrpcService(ShipmentCreation creation, ShipmentCancellation cancellation, ShipmentReader reader) : ShipmentService.ShipmentServiceBase
{
    public override Task<Shipment> CreateShipment(CreateShipmentRequest request, ServerCallContext context) =>
        creation.CreateAsync(request, context.CancellationToken);

    public override Task<CancelOrderShipmentsResponse> CancelOrderShipments(CancelOrderShipmentsRequest request, ServerCallContext context) =>
        cancellation.CancelAsync(request, context.CancellationToken);

    public override Task<Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context) =>
        reader.GetAsync(request.ShipmentId, context.GetCaller(), context.CancellationToken);

    public override Task<ListShipmentsResponse> ListShipments(ListShipmentsRequest request, ServerCallContext context) =>
        reader.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<HttpBody> GetShipmentLabel(GetShipmentLabelRequest request, ServerCallContext context) =>
        reader.GetLabelAsync(request.ShipmentId, context.GetCaller(), context.CancellationToken);
}
