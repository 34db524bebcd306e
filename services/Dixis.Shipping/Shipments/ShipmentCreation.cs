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
        catch (UniqueIndexViolationException)
        {
            // A concurrent duplicate won: give its booking back and answer with the shipment that exists.
            await carrier.CancelAsync(offer.CarrierId, booking.TrackingNumber, CancellationToken.None);
            var winner = await shipments.FindByRequestIdAsync(request.RequestId, cancellationToken)
                ?? throw new InvalidOperationException($"Shipment of request '{request.RequestId}' clashed on a unique index but cannot be read.");
            return Replayed(winner, request.RequestId, fingerprint);
        }
    }

    private static Shipment Replayed(Document<ShipmentRecord> existing, string requestId, string fingerprint) =>
        existing.Value.RequestFingerprint == fingerprint
            ? ShipmentMapper.ToContract(existing)
            : throw ShipmentErrors.RequestIdReused(requestId, ShipmentErrors.ShipmentType);

    private static string TrackingUri(string template, string trackingNumber) =>
        string.IsNullOrEmpty(template) ? string.Empty : template.Replace("{tracking_number}", Uri.EscapeDataString(trackingNumber), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created shipment {ShipmentId} of order {OrderId} parcel {ParcelId} with carrier {CarrierId}")]
    private static partial void LogCreated(ILogger logger, string shipmentId, string orderId, string parcelId, string carrierId);
}
