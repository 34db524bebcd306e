using System.ComponentModel.DataAnnotations;

namespace Dixis.Orders.Payments;

/// <summary>Cash on delivery (section <c>Orders:CashOnDelivery</c>), in minor units of <c>Orders:Checkout:CurrencyCode</c>.</summary>
public sealed class CashOnDeliveryOptions
{
    public const string SectionName = "Orders:CashOnDelivery";

    /// <summary>Whether the method is offered at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The fee per parcel (each parcel is a separate collection by its courier), VAT included at the services rate.
    /// </summary>
    [Range(0, 100_000)]
    public long Fee { get; set; } = 200;

    /// <summary>The largest amount one parcel may collect (goods, shipping and fee); above it the method is refused.</summary>
    [Range(1, 100_000_000)]
    public long MaxParcelValue { get; set; } = 50_000;
}
