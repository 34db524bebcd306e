namespace Dixis.Orders.Model;

/// <summary>
/// What the Shipping service needs to create a parcel's shipment and what cash on delivery collects for it; not part
/// of the contract's <c>Parcel</c>, so kept next to the order.
/// </summary>
/// <param name="ParcelId">The parcel.</param>
/// <param name="LengthMm">Packed length: the longest item.</param>
/// <param name="WidthMm">Packed width: the widest item.</param>
/// <param name="HeightMm">Packed height: the items stacked.</param>
/// <param name="ActualWeightGrams">The sum of the item weights.</param>
/// <param name="DeclaredValueMinor">The parcel's goods, VAT included.</param>
/// <param name="OriginPostalCode">The producer's postal code, when the catalog knows it.</param>
/// <param name="CashOnDeliveryMinor">For cash on delivery: goods, shipping and fee of this parcel; 0 otherwise.</param>
/// <param name="CashCollected">Whether the courier collected <paramref name="CashOnDeliveryMinor"/> (parcel delivered).</param>
public sealed record ParcelLogistics(
    string ParcelId,
    int LengthMm,
    int WidthMm,
    int HeightMm,
    int ActualWeightGrams,
    long DeclaredValueMinor,
    string OriginPostalCode,
    long CashOnDeliveryMinor,
    bool CashCollected);
