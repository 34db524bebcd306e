using Dixis.Persistence.Queries;

namespace Dixis.Catalog.Inventory;

/// <summary>
/// Every change of a stock record as one conditional atomic update: the condition sits in the update's filter,
/// so "available never below zero" holds whatever the concurrency, on SQLite and on MongoDB alike, and
/// <c>available = on_hand - reserved</c> is kept by changing the fields together.
/// </summary>
public static class StockUpdates
{
    /// <summary>Hold <paramref name="quantity"/> units for an order, only while that many are available.</summary>
    public static (Filter Condition, Update Change) Reserve(long quantity, long nowMs) =>
        (Filter.Gte("available", quantity), Update.Combine(Update.Inc("available", -quantity), Update.Inc("reserved", quantity), Stamp(nowMs)));

    /// <summary>Give held units back to the available stock (release, expiry).</summary>
    public static (Filter Condition, Update Change) Unreserve(long quantity, long nowMs) =>
        (Filter.Gte("reserved", quantity), Update.Combine(Update.Inc("available", quantity), Update.Inc("reserved", -quantity), Stamp(nowMs)));

    /// <summary>Held units leave the warehouse: on hand and reserved drop together, available stays.</summary>
    public static (Filter Condition, Update Change) Ship(long quantity, long nowMs) =>
        (Filter.Gte("reserved", quantity), Update.Combine(Update.Inc("onHand", -quantity), Update.Inc("reserved", -quantity), Stamp(nowMs)));

    /// <summary>Change on-hand units by <paramref name="delta"/>; a removal may not take on hand below reserved.</summary>
    public static (Filter Condition, Update Change) Adjust(long delta, long nowMs) =>
        (Filter.Gte("available", delta < 0 ? -delta : 0), Update.Combine(Update.Inc("onHand", delta), Update.Inc("available", delta), Stamp(nowMs)));

    private static Update Stamp(long nowMs) => Update.Set("updateTimeMs", nowMs);
}
