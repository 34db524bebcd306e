using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Orders;
using Dixis.Persistence.Outbox;
using Dixis.ServiceDefaults.Grpc;
using Google.Rpc;
using Grpc.Core;
using ShippingErrorReason = Dixis.Contracts.Shipping.V1.ErrorReason;

namespace Dixis.Orders.Effects;

/// <summary>
/// Creates a parcel's shipment in the Shipping service (idempotent there by request id <c>&lt;order&gt;/&lt;parcel&gt;</c>).
/// Nothing else: Shipping reports the shipment back through <c>RecordShipmentProgress</c> (PREPARING with its id).
/// <para>
/// The message may be delivered long after it was enqueued (Shipping was down, the outbox backed off) and the order
/// cancelled meanwhile. The order is read again first, and a cancelled parcel is not shipped. Between that read and
/// Shipping's commit the order may still be cancelled: its cancel-shipments effect then either cancels the shipment
/// this call made or leaves a tombstone that makes this call PARCEL_CANCELLED — final, so it is not retried.
/// </para>
/// </summary>
public sealed partial class CreateShipmentHandler(
    ShipmentService.ShipmentServiceClient shipments,
    OrderRepository orders,
    CrashPoints crashPoints,
    ILogger<CreateShipmentHandler> logger) : IOutboxHandler
{
    private const string ShippingDomain = "dixis.shipping";

    private static readonly string ParcelCancelledReason =
        ErrorReasonNames.Of<ShippingErrorReason>(Dixis.Contracts.Shipping.V1.ErrorReasonReflection.Descriptor.EnumTypes[0])[ShippingErrorReason.ParcelCancelled];

    public string MessageType => OrderEffects.CreateShipmentType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = CreateShipmentRequest.Parser.ParseFrom(message.Payload);
        var order = await orders.GetAsync(request.OrderId, cancellationToken);
        var parcel = order?.Value.Order.Parcels.FirstOrDefault(candidate => candidate.Id == request.ParcelId);
        if (order?.Value.State == OrderState.Cancelled || parcel?.State == ParcelState.Cancelled)
        {
            LogNotShipped(logger, request.OrderId, request.ParcelId);
            return;
        }

        try
        {
            await shipments.CreateShipmentAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException cancelled) when (IsParcelCancelled(cancelled))
        {
            LogNotShipped(logger, request.OrderId, request.ParcelId);
            return;
        }

        crashPoints.Reach(CrashPoints.EffectsAfterCreateShipment);
    }

    private static bool IsParcelCancelled(RpcException exception) =>
        exception.StatusCode == StatusCode.FailedPrecondition
        && exception.GetRpcStatus()?.GetDetail<ErrorInfo>() is { Domain: ShippingDomain } info
        && info.Reason == ParcelCancelledReason;

    [LoggerMessage(Level = LogLevel.Information, Message = "Parcel {ParcelId} of order {OrderId} was cancelled before its shipment was created; none is created")]
    private static partial void LogNotShipped(ILogger logger, string orderId, string parcelId);
}
