using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Carriers;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// Cancels the shipments of a cancelled order that the carrier has not picked up yet (state LABEL_CREATED), each by
/// one conditional update, so a pickup reported at the same moment wins or loses cleanly. Idempotent: cancelled and
/// shipped ones are left as they are.
/// </summary>
public sealed partial class ShipmentCancellation(ShipmentRepository shipments, CarrierRegistry carriers, TimeProvider timeProvider, ILogger<ShipmentCancellation> logger)
{
    public const int MaxReasonLength = 500;

    public async Task<CancelOrderShipmentsResponse> CancelAsync(CancelOrderShipmentsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.OrderId) || request.OrderId.Length > ShipmentLimits.MaxIdLength)
        {
            violations.Add("order_id", $"is required, at most {ShipmentLimits.MaxIdLength} characters.");
        }

        if (request.Reason.Length > MaxReasonLength)
        {
            violations.Add("reason", $"is {request.Reason.Length} characters long; the maximum is {MaxReasonLength}.");
        }

        violations.ThrowIfAny(ShipmentErrors.Domain);
        var byOrder = Filter.Eq("orderId", request.OrderId);
        foreach (var shipment in await shipments.Shipments.ListAllAsync(byOrder, cancellationToken))
        {
            if (shipment.Value.State != ShipmentState.LabelCreated)
            {
                continue;
            }

            var cancelled = await shipments.Shipments.UpdateIfAsync(
                shipment.Id,
                Filter.Eq("state", nameof(ShipmentState.LabelCreated)),
                Update.Combine(
                    Update.Set("state", nameof(ShipmentState.Cancelled)),
                    Update.Set("cancelReason", string.IsNullOrWhiteSpace(request.Reason) ? "order cancelled" : request.Reason.Trim()),
                    Update.Set("updateTimeMs", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())),
                cancellationToken);
            if (cancelled)
            {
                await carriers.For(shipment.Value.CarrierId).CancelAsync(shipment.Value.CarrierId, shipment.Value.TrackingNumber, cancellationToken);
                LogCancelled(logger, shipment.Id, request.OrderId);
            }
        }

        var response = new CancelOrderShipmentsResponse();
        response.Shipments.AddRange((await shipments.Shipments.ListAllAsync(byOrder, cancellationToken)).OrderBy(s => s.Value.CreateTimeMs).Select(ShipmentMapper.ToContract));
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled shipment {ShipmentId} of cancelled order {OrderId}")]
    private static partial void LogCancelled(ILogger logger, string shipmentId, string orderId);
}
