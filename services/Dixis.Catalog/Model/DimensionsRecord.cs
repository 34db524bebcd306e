namespace Dixis.Catalog.Model;

/// <summary>Packed outer dimensions in millimetres.</summary>
public sealed record DimensionsRecord(int LengthMm, int WidthMm, int HeightMm);
