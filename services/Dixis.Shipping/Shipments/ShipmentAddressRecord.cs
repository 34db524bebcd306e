namespace Dixis.Shipping.Shipments;

/// <summary>The destination of a shipment, as its label needs it.</summary>
public sealed record ShipmentAddressRecord(
    string RegionCode,
    string PostalCode,
    string Locality,
    string AdministrativeArea,
    IReadOnlyList<string> AddressLines,
    string RecipientName,
    string PhoneNumber,
    string DeliveryNotes);
