using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.Shipping.Carriers;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// Cancels the shipments of a cancelled order that the carrier has not picked up yet (state LABEL_CREATED), each by
/// one conditional update, so a pickup reported at the same moment wins or loses cleanly. Idempotent: cancelled and
/// shipped ones are left as they are.
/// <para>
/// First, each named parcel without a shipment gets a tombstone (<see cref="ShipmentRequestRecord"/>) under its request
/// id, so that its <c>CreateShipment</c>, delayed in Orders' outbox behind an outage, can never create a live shipment
/// afterwards. The tombstones go first and the shipments are listed after: a creation that got its request id first
/// has committed its shipment by then, and the listing cancels it.
/// </para>
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

        if (request.ParcelIds.Count > ShipmentLimits.MaxParcelsPerOrder)
        {
            violations.Add("parcel_ids", $"names {request.ParcelIds.Count} parcels; the maximum is {ShipmentLimits.MaxParcelsPerOrder}.");
        }
        else
        {
            for (var i = 0; i < request.ParcelIds.Count; i++)
            {
                CreateShipmentValidator.Id(violations, $"parcel_ids[{i}]", request.ParcelIds[i]);
            }
        }

        violations.ThrowIfAny(ShipmentErrors.Domain);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "order cancelled" : request.Reason.Trim();
        foreach (var parcelId in request.ParcelIds.Distinct(StringComparer.Ordinal))
        {
            await TombstoneAsync(request.OrderId, parcelId, reason, cancellationToken);
        }

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
                    Update.Set("cancelReason", reason),
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

    /// <summary>Records that the parcel's request id is cancelled, unless its shipment exists (that one is cancelled by state).</summary>
    private async Task TombstoneAsync(string orderId, string parcelId, string reason, CancellationToken cancellationToken)
    {
        var requestId = ShipmentRequestRecord.RequestIdOf(orderId, parcelId);
        if (await shipments.FindByRequestIdAsync(requestId, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await shipments.Requests.InsertAsync(requestId, new ShipmentRequestRecord(orderId, null, reason, timeProvider.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
            LogTombstone(logger, requestId, orderId);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A repeated cancellation, or a creation that got the request id first and committed its shipment with it:
            // that shipment is in the listing that follows.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parcel request {RequestId} of cancelled order {OrderId} had no shipment yet; recorded as cancelled")]
    private static partial void LogTombstone(ILogger logger, string requestId, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled shipment {ShipmentId} of cancelled order {OrderId}")]
    private static partial void LogCancelled(ILogger logger, string shipmentId, string orderId);
}
