namespace Dixis.Catalog.Loading;

/// <summary>What setting stock did: SKUs that got units, and SKUs the catalog does not have (their rows were rejected).</summary>
public sealed record StockOutcome(long Stocked, long Missing);
