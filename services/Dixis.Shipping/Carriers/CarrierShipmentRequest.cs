using Dixis.Shipping.Shipments;

namespace Dixis.Shipping.Carriers;

/// <summary>What a carrier needs to book a parcel and print its label.</summary>
/// <param name="ShipmentId">Dixis' shipment id, the carrier's reference.</param>
/// <param name="CarrierId">The carrier of the service level.</param>
/// <param name="CarrierDisplayName">The carrier's name, for the label.</param>
/// <param name="ServiceLevelId">The service level booked.</param>
/// <param name="OrderId">The order, for the label.</param>
/// <param name="ProducerId">The sender.</param>
/// <param name="OriginPostalCode">Where it ships from.</param>
/// <param name="Destination">Where it goes.</param>
/// <param name="WeightGrams">The chargeable weight.</param>
/// <param name="CashOnDelivery">The cash to collect, or null.</param>
public sealed record CarrierShipmentRequest(
    string ShipmentId,
    string CarrierId,
    string CarrierDisplayName,
    string ServiceLevelId,
    string OrderId,
    string ProducerId,
    string OriginPostalCode,
    ShipmentAddressRecord Destination,
    int WeightGrams,
    MoneyRecord? CashOnDelivery);
