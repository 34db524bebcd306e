using Dixis.Contracts.Orders.V1;
using Dixis.Persistence.Outbox;
using Dixis.Shipping.Shipments;
using Google.Protobuf;

namespace Dixis.Shipping.Tracking;

/// <summary>
/// The outbox message that moves an order's parcel when its shipment changes: a <c>RecordShipmentProgressRequest</c>
/// enqueued in the transaction of the change, delivered by <see cref="ShipmentProgressHandler"/>. Its event id (the
/// tracking event's id) is Orders' idempotency key, so a redelivery is applied once.
/// </summary>
public static class ShipmentProgress
{
    public const string MessageType = "shipping.shipment-progress";

    /// <summary>The event id of a shipment's creation, which has no tracking event of its own.</summary>
    public static string CreatedEventId(string shipmentId) => $"{shipmentId}/label-created";

    public static OutboxMessage Message(string shipmentId, ShipmentRecord shipment, ParcelState state, string eventId, long eventTimeMs, Actor actor) =>
        new(MessageType, new RecordShipmentProgressRequest
        {
            OrderId = shipment.OrderId,
            ParcelId = shipment.ParcelId,
            ShipmentId = shipmentId,
            State = state,
            TrackingNumber = shipment.TrackingNumber,
            TrackingUri = shipment.TrackingUri,
            EventId = eventId,
            EventTime = ShipmentMapper.Time(eventTimeMs),
            Actor = actor,
        }.ToByteArray());
}
