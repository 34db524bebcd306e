namespace Dixis.Shipping.Shipments;

/// <summary>Lengths the shipment contract's fields may have.</summary>
public static class ShipmentLimits
{
    public const int MaxIdLength = 128;
    public const int MaxRequestIdLength = 2 * MaxIdLength + 1;
    public const int MaxAddressFieldLength = 200;
    public const int MaxAddressLines = 5;
    public const int MaxWeightGrams = 1_000_000;
    public const int MaxDimensionMm = 10_000;
    public const int MaxTrackingNumberLength = 64;

    /// <summary>The parcels one cancellation may name (an order has one parcel per producer).</summary>
    public const int MaxParcelsPerOrder = 100;
}
