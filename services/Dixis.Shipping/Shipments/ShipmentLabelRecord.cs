namespace Dixis.Shipping.Shipments;

/// <summary>The printable label the carrier issued (collection <c>shipment_labels</c>, id = shipment id), kept apart so lists stay light.</summary>
/// <param name="ContentType">The document's media type, e.g. <c>text/html; charset=utf-8</c>.</param>
/// <param name="Content">The document itself.</param>
/// <param name="CreateTimeMs">When it was created.</param>
public sealed record ShipmentLabelRecord(string ContentType, byte[] Content, long CreateTimeMs);
