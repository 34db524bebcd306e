using System.Security.Cryptography;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Shipping.Carriers;
using Dixis.Shipping.Rates;
using Dixis.Shipping.Tracking;
using Google.Protobuf;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// Creates the shipment of an order's parcel: its service level from the rate tables, a booking (tracking number and
/// label) from the carrier, the delivery window, and — in the same transaction — the outbox message that tells Orders
/// the parcel is PREPARING. Idempotent by <c>request_id</c>: a retry, or a concurrent duplicate, gets the one shipment.
/// <para>
/// A parcel cancelled before its shipment existed (<see cref="ShipmentCancellation"/> left a tombstone for its request
/// id) gets PARCEL_CANCELLED instead, however late the request comes. The transaction inserts the request's
/// <see cref="ShipmentRequestRecord"/> with the shipment, and the cancellation inserts its tombstone under the same id,
/// so whichever comes second fails on the document id: a cancellation that lands while the carrier is booking wins, and
/// the booking is given back.
/// </para>
/// </summary>
public sealed partial class ShipmentCreation(
    IDocumentStore store,
    ShipmentRepository shipments,
    IShippingServiceLevels serviceLevels,
    CarrierRegistry carriers,
    TimeProvider timeProvider,
    ILogger<ShipmentCreation> logger)
{
    public async Task<Shipment> CreateAsync(CreateShipmentRequest request, CancellationToken cancellationToken)
    {
        CreateShipmentValidator.Validate(request);
        var fingerprint = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        if (await shipments.FindByRequestIdAsync(request.RequestId, cancellationToken) is { } existing)
        {
            return Replayed(existing, request.RequestId, fingerprint);
        }

        // Checked before booking so that a cancelled parcel is never given a tracking number or a label; the insert of
        // the request record below closes the window between this read and the commit.
        if (await shipments.Requests.GetAsync(request.RequestId, cancellationToken) is { Value.IsTombstone: true })
        {
            LogCancelledBeforeCreation(logger, request.RequestId);
            throw ShipmentErrors.ParcelCancelled(request.RequestId);
        }

        var destination = ShipmentMapper.FromContract(request.Destination);
        var offer = await serviceLevels.FindAsync(destination.RegionCode, request.ServiceLevelId, destination.PostalCode, cancellationToken)
            ?? throw ShipmentErrors.ServiceLevelNotFound(request.ServiceLevelId, destination.RegionCode);
        var cashOnDelivery = ShipmentMapper.FromContract(request.CashOnDeliveryAmount);
        if (cashOnDelivery is { AmountMinor: > 0 } && !offer.CashOnDeliverySupported)
        {
            throw ShipmentErrors.CashOnDeliveryNotSupported(request.ServiceLevelId);
        }

        var now = timeProvider.GetUtcNow();
        var shipmentId = Guid.CreateVersion7(now).ToString("D");
        var carrier = carriers.For(offer.CarrierId);
        var booking = await carrier.CreateShipmentAsync(
            new CarrierShipmentRequest(shipmentId, offer.CarrierId, offer.CarrierDisplayName, offer.ServiceLevelId, request.OrderId, request.ProducerId,
                request.OriginPostalCode, destination, request.WeightGrams, cashOnDelivery),
            cancellationToken);

        var (start, end) = DeliveryEstimate.From(now, offer.MinDays, offer.MaxDays);
        var nowMs = now.ToUnixTimeMilliseconds();
        var record = new ShipmentRecord(
            request.RequestId,
            fingerprint,
            request.OrderId,
            request.ParcelId,
            request.ProducerId,
            request.CustomerUserId,
            offer.CarrierId,
            offer.ServiceLevelId,
            booking.TrackingNumber,
            booking.TrackingUri ?? TrackingUri(offer.TrackingUriTemplate, booking.TrackingNumber),
            ShipmentState.LabelCreated,
            destination,
            request.OriginPostalCode,
            request.WeightGrams,
            request.Dimensions is { } d ? new ShipmentDimensionsRecord(d.LengthMm, d.WidthMm, d.HeightMm) : null,
            ShipmentMapper.FromContract(request.DeclaredValue),
            cashOnDelivery,
            nowMs,
            nowMs,
            ShipTimeMs: null,
            DeliverTimeMs: null,
            start.ToUnixTimeMilliseconds(),
            end.ToUnixTimeMilliseconds(),
            LatestEventTimeMs: null,
            CancelReason: null);

        try
        {
            await using var transaction = await store.BeginTransactionAsync(cancellationToken);
            await shipments.Requests.In(transaction).InsertAsync(request.RequestId, new ShipmentRequestRecord(request.OrderId, shipmentId, null, nowMs), cancellationToken);
            var created = await shipments.Shipments.In(transaction).InsertAsync(shipmentId, record, cancellationToken);
            await shipments.Labels.In(transaction).InsertAsync(shipmentId, new ShipmentLabelRecord(booking.LabelContentType, booking.Label, nowMs), cancellationToken);
            await store.Outbox.In(transaction).EnqueueAsync(
                ShipmentProgress.Message(shipmentId, record, ParcelState.Preparing, ShipmentProgress.CreatedEventId(shipmentId), nowMs,
                    new Actor { Kind = ActorKind.System, Id = "shipping" }),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCreated(logger, shipmentId, request.OrderId, request.ParcelId, offer.CarrierId);
            return ShipmentMapper.ToContract(created);
        }
        catch (Exception clash) when (clash is DocumentAlreadyExistsException or UniqueIndexViolationException)
        {
            // A concurrent duplicate or a cancellation got the request id first: give this booking back, then answer
            // with the shipment that exists or with the cancellation.
            await carrier.CancelAsync(offer.CarrierId, booking.TrackingNumber, CancellationToken.None);
            if (await shipments.FindByRequestIdAsync(request.RequestId, cancellationToken) is { } winner)
            {
                return Replayed(winner, request.RequestId, fingerprint);
            }

            if (await shipments.Requests.GetAsync(request.RequestId, cancellationToken) is { Value.IsTombstone: true })
            {
                LogCancelledWhileBooking(logger, request.RequestId, offer.CarrierId);
                throw ShipmentErrors.ParcelCancelled(request.RequestId);
            }

            throw new InvalidOperationException($"Shipment of request '{request.RequestId}' clashed on a unique index but cannot be read.", clash);
        }
    }

    private static Shipment Replayed(Document<ShipmentRecord> existing, string requestId, string fingerprint) =>
        existing.Value.RequestFingerprint == fingerprint
            ? ShipmentMapper.ToContract(existing)
            : throw ShipmentErrors.RequestIdReused(requestId, ShipmentErrors.ShipmentType);

    private static string TrackingUri(string template, string trackingNumber) =>
        string.IsNullOrEmpty(template) ? string.Empty : template.Replace("{tracking_number}", Uri.EscapeDataString(trackingNumber), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment request {RequestId} was cancelled with its order before it arrived; nothing booked")]
    private static partial void LogCancelledBeforeCreation(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment request {RequestId} was cancelled with its order while {CarrierId} booked it; the booking was cancelled")]
    private static partial void LogCancelledWhileBooking(ILogger logger, string requestId, string carrierId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created shipment {ShipmentId} of order {OrderId} parcel {ParcelId} with carrier {CarrierId}")]
    private static partial void LogCreated(ILogger logger, string shipmentId, string orderId, string parcelId, string carrierId);
}
