namespace Dixis.Shipping.Carriers;

/// <summary>A carrier's answer to a booking.</summary>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="TrackingUri">The carrier's own tracking link, or null to use the rate table's template.</param>
/// <param name="LabelContentType">The label's media type (<c>text/html; charset=utf-8</c>, <c>application/pdf</c>).</param>
/// <param name="Label">The printable label.</param>
public sealed record CarrierBooking(string TrackingNumber, string? TrackingUri, string LabelContentType, byte[] Label);
