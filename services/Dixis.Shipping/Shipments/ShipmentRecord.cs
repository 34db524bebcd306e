using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Shipments;

/// <summary>A stored shipment (collection <c>shipments</c>). Times are Unix milliseconds.</summary>
/// <param name="RequestId">The idempotency key it was created with, <c>&lt;order_id&gt;/&lt;parcel_id&gt;</c> (unique).</param>
/// <param name="RequestFingerprint">A hash of the creating request, to tell a retry from a reused key.</param>
/// <param name="OrderId">The order the parcel belongs to.</param>
/// <param name="ParcelId">The parcel of the order.</param>
/// <param name="ProducerId">The producer who ships it.</param>
/// <param name="CustomerUserId">The customer who receives it.</param>
/// <param name="CarrierId">The carrier of the service level.</param>
/// <param name="ServiceLevelId">The service level booked.</param>
/// <param name="TrackingNumber">The carrier's tracking number (unique).</param>
/// <param name="TrackingUri">The carrier's tracking page; empty when the carrier has none.</param>
/// <param name="State">Where the shipment is; moved only by <c>ShipmentStateMachine</c> and cancellation.</param>
/// <param name="Destination">Where it goes.</param>
/// <param name="OriginPostalCode">Where it ships from.</param>
/// <param name="WeightGrams">The chargeable weight.</param>
/// <param name="Dimensions">The packed dimensions, when known.</param>
/// <param name="DeclaredValue">The value of the goods, when given.</param>
/// <param name="CashOnDeliveryAmount">The cash the courier collects, or null.</param>
/// <param name="CreateTimeMs">When it was created.</param>
/// <param name="UpdateTimeMs">When it last changed.</param>
/// <param name="ShipTimeMs">When it first reached a shipped state; also tells that Orders was told "shipped" once.</param>
/// <param name="DeliverTimeMs">When it was delivered (the event time).</param>
/// <param name="EstimatedDeliveryStartMs">The earliest expected delivery at creation.</param>
/// <param name="EstimatedDeliveryEndMs">The latest expected delivery at creation.</param>
/// <param name="LatestEventTimeMs">The event time of the newest event that moved the state: older events never move it back.</param>
/// <param name="CancelReason">Why it was cancelled, when it was.</param>
public sealed record ShipmentRecord(
    string RequestId,
    string RequestFingerprint,
    string OrderId,
    string ParcelId,
    string ProducerId,
    string CustomerUserId,
    string CarrierId,
    string ServiceLevelId,
    string TrackingNumber,
    string TrackingUri,
    ShipmentState State,
    ShipmentAddressRecord Destination,
    string OriginPostalCode,
    int WeightGrams,
    ShipmentDimensionsRecord? Dimensions,
    MoneyRecord? DeclaredValue,
    MoneyRecord? CashOnDeliveryAmount,
    long CreateTimeMs,
    long UpdateTimeMs,
    long? ShipTimeMs,
    long? DeliverTimeMs,
    long EstimatedDeliveryStartMs,
    long EstimatedDeliveryEndMs,
    long? LatestEventTimeMs,
    string? CancelReason);
