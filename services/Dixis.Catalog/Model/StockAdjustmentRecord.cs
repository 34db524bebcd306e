using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Model;

/// <summary>An audited change of on-hand stock (collection <c>stock_adjustments</c>).</summary>
/// <param name="Sku">The SKU adjusted.</param>
/// <param name="Delta">The change of on-hand units.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">A free-text note.</param>
/// <param name="OnHandAfter">On-hand units after the change.</param>
/// <param name="ActorId">Who made it: a user, a partner client, or <c>system</c> for sales.</param>
/// <param name="CreateTimeMs">When (Unix ms).</param>
public sealed record StockAdjustmentRecord(
    string Sku,
    long Delta,
    AdjustmentReason Reason,
    string? Note,
    long OnHandAfter,
    string ActorId,
    long CreateTimeMs);
