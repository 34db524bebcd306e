namespace Dixis.Catalog.Model;

/// <summary>
/// The stock of one SKU (collection <c>stock</c>, id = SKU; the document also reserves the SKU, so two
/// variants can never share one). <see cref="Available"/> is kept equal to <c>OnHand - Reserved</c> by every
/// update, so "never below zero" is one condition on one field in the update's filter.
/// </summary>
/// <param name="ProductId">The product the SKU belongs to.</param>
/// <param name="ProducerId">The producer who owns the stock.</param>
/// <param name="OnHand">Units physically held.</param>
/// <param name="Reserved">Units held for uncommitted orders.</param>
/// <param name="Available">Units that can still be sold.</param>
/// <param name="UpdateTimeMs">When the stock last changed (Unix ms).</param>
public sealed record StockRecord(
    string ProductId,
    string ProducerId,
    long OnHand,
    long Reserved,
    long Available,
    long UpdateTimeMs);
