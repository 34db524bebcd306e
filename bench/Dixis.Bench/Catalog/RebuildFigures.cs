namespace Dixis.Bench.Catalog;

/// <summary>One search index rebuild, as the catalog reported it.</summary>
/// <param name="ProductCount">Products the rebuild set out to index (<c>RebuildSearchIndexResponse.product_count</c>).</param>
/// <param name="DocumentCount">Products searchable once it was ready.</param>
/// <param name="ServiceDuration">The catalog's own <c>last_rebuild_duration</c>.</param>
/// <param name="WallTime">From the rebuild call until <c>GetSearchIndex</c> answered ready (includes polling, up to 250 ms).</param>
/// <param name="CatalogPeakBytes">Catalog's peak RSS after the rebuild.</param>
public sealed record RebuildFigures(long ProductCount, long DocumentCount, TimeSpan ServiceDuration, TimeSpan WallTime, long? CatalogPeakBytes);
