using System.Text.Json.Serialization;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// What became of a shipment request id (collection <c>shipment_requests</c>, id = the request id
/// <c>&lt;order_id&gt;/&lt;parcel_id&gt;</c>): the shipment it created, or — a tombstone — the cancellation that came
/// first. Both writers insert it, the creation in the transaction that stores its shipment and the cancellation on its
/// own, so the document id decides atomically which one won, in SQLite and MongoDB alike: a parcel cancelled before its
/// shipment existed can never get one later. Times are Unix milliseconds.
/// </summary>
/// <param name="OrderId">The order of the parcel.</param>
/// <param name="ShipmentId">The shipment created for the request; null for a tombstone.</param>
/// <param name="CancelReason">Why the parcel was cancelled before its shipment existed; null when a shipment was created.</param>
/// <param name="CreateTimeMs">When the creation or the cancellation was recorded.</param>
public sealed record ShipmentRequestRecord(string OrderId, string? ShipmentId, string? CancelReason, long CreateTimeMs)
{
    /// <summary>The request id of an order's parcel: one key per parcel, so "one shipment per parcel" holds by construction.</summary>
    public static string RequestIdOf(string orderId, string parcelId) => $"{orderId}/{parcelId}";

    /// <summary>Whether the request was cancelled before a shipment was created for it.</summary>
    [JsonIgnore]
    public bool IsTombstone => ShipmentId is null;
}
