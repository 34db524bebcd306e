using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;

namespace Dixis.Orders.Pricing;

/// <summary>A cart line priced at the catalog's current price, with what the shopper should know about it.</summary>
/// <param name="Line">The stored line (SKU, quantity, the price when it was added).</param>
/// <param name="Variant">The catalog's variant, or null when the SKU no longer exists.</param>
/// <param name="UnitPrice">The current unit price, VAT included; null when the SKU no longer exists.</param>
/// <param name="LineTotal"><c>UnitPrice × quantity</c>; null when the SKU no longer exists.</param>
/// <param name="Notes">Price changed, out of stock, too little stock, archived, unavailable; empty when all is well.</param>
public sealed record PricedLine(CartLineRecord Line, VariantSnapshot? Variant, Money? UnitPrice, Money? LineTotal, IReadOnlyList<CartLineNote> Notes)
{
    /// <summary>
    /// True when the line can be paid for at all: the SKU exists, its product is active and it is priced in the cart's
    /// currency. Stock is not part of it (see <see cref="Notes"/>): the catalog decides stock when it is reserved.
    /// </summary>
    public bool IsPurchasable { get; init; }

    /// <summary>
    /// True when checkout would take the line as it is: purchasable, and the catalog had the units when it was read
    /// (an out-of-stock or short line would fail the reservation).
    /// </summary>
    public bool CanBeOrdered => IsPurchasable && !Notes.Any(note => note.Kind is CartLineNoteKind.OutOfStock or CartLineNoteKind.InsufficientStock);
}
