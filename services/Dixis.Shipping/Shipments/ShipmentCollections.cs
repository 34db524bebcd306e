namespace Dixis.Shipping.Shipments;

/// <summary>The names of the shipments' document collections.</summary>
public static class ShipmentCollections
{
    public const string Shipments = "shipments";
    public const string Labels = "shipment_labels";
    public const string TrackingEvents = "tracking_events";
    public const string Requests = "shipment_requests";
}
