using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Model;
using Dixis.Shipping.Tracking;
using Grpc.Core;

namespace Dixis.Shipping.Shipments;

/// <summary>The errors of shipments and tracking, each with its reason from <c>dixis.shipping.v1.ErrorReason</c> and the detail its code calls for.</summary>
public static class ShipmentErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every shipping error.</summary>
    public const string Domain = ShippingErrors.Domain;

    public const string ShipmentType = "dixis.shipping.v1.Shipment";
    public const string TrackingEventType = "dixis.shipping.v1.TrackingEvent";

    /// <summary>A shipment that does not exist or that the caller may not see: the same answer, so existence never leaks.</summary>
    public static RpcException ShipmentNotFound(string shipmentIdOrTrackingNumber) =>
        RpcErrors.NotFound(Domain, ShippingErrors.Reason(ErrorReason.ShipmentNotFound), ShipmentType, shipmentIdOrTrackingNumber,
            $"Shipment '{shipmentIdOrTrackingNumber}' does not exist.");

    public static RpcException ServiceLevelNotFound(string serviceLevelId, string regionCode) =>
        RpcErrors.InvalidArgument(Domain,
            [new FieldViolation("service_level_id", $"'{serviceLevelId}' is not an enabled service level of the active rate table for '{regionCode}'.", ShippingErrors.Reason(ErrorReason.ServiceLevelNotFound))]);

    public static RpcException CashOnDeliveryNotSupported(string serviceLevelId) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.CashOnDeliveryNotSupported),
            $"Service level '{serviceLevelId}' does not collect cash on delivery.",
            [new PreconditionViolation("CASH_ON_DELIVERY", $"serviceLevels/{serviceLevelId}", "Choose a service level that collects cash, or pay another way.")]);

    public static RpcException StateConflict(string shipmentId, ShipmentState state, TrackingEventKind kind) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.ShipmentStateConflict),
            $"Shipment '{shipmentId}' is {ShipmentMapper.Name(state)}: a {TrackingEventMapper.Name(kind)} event is not possible now.",
            [new PreconditionViolation("STATE", $"shipments/{shipmentId}", $"From {ShipmentMapper.Name(state)} the next events can be: {ShipmentStateMachine.Describe(state)}.")]);

    /// <summary>The parcel was cancelled with its order before its shipment existed: final, a retry gets the same answer.</summary>
    public static RpcException ParcelCancelled(string requestId) =>
        RpcErrors.FailedPrecondition(Domain, ShippingErrors.Reason(ErrorReason.ParcelCancelled),
            $"Parcel request '{requestId}' was cancelled with its order before its shipment was created; nothing was booked.",
            [new PreconditionViolation("CANCELLED", $"shipmentRequests/{requestId}", "The order was cancelled: its parcels are not shipped.")]);

    public static RpcException RequestIdReused(string requestId, string resourceType) =>
        RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, resourceType, requestId,
            $"request_id '{requestId}' was used for a different request.");
}
