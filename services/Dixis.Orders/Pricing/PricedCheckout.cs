using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Orders.Pricing;

/// <summary>A cart priced by the server for checkout: lines, parcels with their options, totals, and what each parcel ships as.</summary>
/// <param name="Lines">The lines with ids (<c>l1</c>, …), prices, VAT and parcel ids.</param>
/// <param name="Parcels">One per producer (<c>p1</c>, …) with the selected option.</param>
/// <param name="Previews">The same parcels with every option to choose from.</param>
/// <param name="Logistics">Packing, origin and cash-on-delivery amount per parcel.</param>
/// <param name="Totals">The amounts; paid and refunded zero.</param>
/// <param name="CashOnDeliveryRefusals">
/// In <see cref="PricingMode.Preview"/>, with cash on delivery: the parcels over its limit or with no service level that
/// collects it (a checkout fails on them instead).
/// </param>
public sealed record PricedCheckout(
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<Parcel> Parcels,
    IReadOnlyList<ParcelPreview> Previews,
    IReadOnlyList<ParcelLogistics> Logistics,
    OrderTotals Totals,
    IReadOnlyList<PreconditionViolation> CashOnDeliveryRefusals);
