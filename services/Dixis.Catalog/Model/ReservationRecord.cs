using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Model;

/// <summary>Stock held for one order (collection <c>reservations</c>, id = order id). Times are Unix milliseconds.</summary>
/// <param name="Lines">The SKUs and quantities held, each SKU once, in request order.</param>
/// <param name="State">Held, committed, released, expired or returned.</param>
/// <param name="ExpireTimeMs">When the sweeper releases a hold that was not committed.</param>
/// <param name="CreateTimeMs">When the stock was reserved.</param>
/// <param name="UpdateTimeMs">When the reservation last changed state.</param>
/// <param name="ReleaseReason">Why it was released, expired or returned, for the audit trail.</param>
public sealed record ReservationRecord(
    IReadOnlyList<ReservationLineRecord> Lines,
    ReservationState State,
    long ExpireTimeMs,
    long CreateTimeMs,
    long UpdateTimeMs,
    string? ReleaseReason);
