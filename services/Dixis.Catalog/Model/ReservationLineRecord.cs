namespace Dixis.Catalog.Model;

/// <summary>One SKU and quantity of a reservation.</summary>
public sealed record ReservationLineRecord(string Sku, long Quantity);
