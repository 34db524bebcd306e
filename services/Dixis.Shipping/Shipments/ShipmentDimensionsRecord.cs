namespace Dixis.Shipping.Shipments;

/// <summary>Packed outer dimensions in millimetres; zero means unknown.</summary>
public sealed record ShipmentDimensionsRecord(int LengthMm, int WidthMm, int HeightMm);
