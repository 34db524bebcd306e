namespace Dixis.Catalog.Inventory;

/// <summary>
/// When a stock change shows outside the inventory: search (the in-stock filter) and product pages (a variant's
/// <c>in_stock</c>) see only whether a SKU has any unit available, so a reservation, commit or release that leaves that
/// unchanged needs no re-indexing and no cache invalidation. Checkout pays for that work on every order otherwise.
/// </summary>
public static class StockVisibility
{
    /// <summary>Units were taken (a reservation) and none are left: the SKU just sold out.</summary>
    public static bool SoldOutBy(long availableAfter) => availableAfter <= 0;

    /// <summary><paramref name="units"/> came back (a release, expiry or return) to a SKU that had none available.</summary>
    public static bool BackInStockBy(long availableAfter, long units) => availableAfter > 0 && availableAfter - units <= 0;
}
