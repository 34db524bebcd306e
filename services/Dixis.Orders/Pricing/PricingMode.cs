namespace Dixis.Orders.Pricing;

/// <summary>What a refusal of the pricing does: stop a checkout, or be reported by a preview.</summary>
public enum PricingMode
{
    /// <summary>PlaceOrder: every refusal is an error, and nothing is ordered.</summary>
    Checkout,

    /// <summary>
    /// PreviewOrder: what the shopper can still change is reported instead of failing the preview — cash on delivery over
    /// its limit or with no service level that collects it (the method is shown unavailable, with why, and every option
    /// is shown), and a shipping selection for a producer none of whose lines can be bought now (ignored).
    /// </summary>
    Preview,
}
