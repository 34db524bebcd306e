namespace Dixis.Catalog.Loading;

/// <summary>What a demo load did.</summary>
/// <param name="Producers">The demo producers, created or found.</param>
/// <param name="Categories">The catalog's category ids by slug path.</param>
/// <param name="Import">The import's summary and timing; null when no products were asked for.</param>
/// <param name="Stock">SKUs that got stock, and SKUs missing from the catalog; null when stock was not set.</param>
/// <param name="Elapsed">The whole load.</param>
public sealed record DemoLoadResult(ProducerIdMap Producers, CategoryIdMap Categories, ImportOutcome? Import, StockOutcome? Stock, TimeSpan Elapsed);
