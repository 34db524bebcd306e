namespace Dixis.Orders.Carts;

/// <summary>
/// A cart as stored: SKUs and quantities only. Names, prices and availability are read from the catalog every time
/// the cart is shown or checked out; <see cref="CartLineRecord.AddedUnitPriceMinor"/> is kept only to tell the
/// shopper when a price changed since the line was added.
/// </summary>
/// <param name="Id">The opaque, unguessable cart id (possession grants access to a guest cart).</param>
/// <param name="CustomerUserId">The signed-in owner; null for a guest cart.</param>
/// <param name="Lines">The lines in the order they were first added, each SKU once.</param>
/// <param name="CreateTimeMs">When the cart was created (Unix ms).</param>
/// <param name="UpdateTimeMs">When the cart last changed (Unix ms).</param>
/// <param name="ExpireTimeMs">When an untouched cart is deleted (Unix ms).</param>
/// <param name="MergingInto">
/// On a guest cart that a signed-in user's merge has claimed: that user's cart. From then on the guest cart is closed
/// to everyone (its lines belong to the merge), until the merge deletes it.
/// </param>
/// <param name="MergedGuestCartIds">
/// On a signed-in cart: the guest carts whose lines it has already taken (the latest few), so a merge interrupted
/// after its write and run again adds nothing twice.
/// </param>
public sealed record CartRecord(
    string Id,
    string? CustomerUserId,
    IReadOnlyList<CartLineRecord> Lines,
    long CreateTimeMs,
    long UpdateTimeMs,
    long ExpireTimeMs,
    string? MergingInto = null,
    IReadOnlyList<string>? MergedGuestCartIds = null)
{
    /// <summary>
    /// Whether <paramref name="subject"/> (null: an anonymous caller) may read and change this cart: a guest cart that
    /// no merge has claimed, or the caller's own cart. Anyone else is told the cart does not exist.
    /// </summary>
    public bool IsOpenTo(string? subject) => MergingInto is null && (CustomerUserId is null || CustomerUserId == subject);
}

/// <summary>One SKU of a stored cart.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">The units wanted, 1 to 999.</param>
/// <param name="AddedUnitPriceMinor">The unit price (minor units, VAT included) when the line was added.</param>
/// <param name="CurrencyCode">The currency of <paramref name="AddedUnitPriceMinor"/>.</param>
/// <param name="AddTimeMs">When the line was added (Unix ms).</param>
public sealed record CartLineRecord(
    string Sku,
    long Quantity,
    long AddedUnitPriceMinor,
    string CurrencyCode,
    long AddTimeMs);
