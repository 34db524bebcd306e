using System.Diagnostics.Metrics;

namespace Dixis.Catalog.Search;

/// <summary>
/// The catalog's own metrics (meter <c>Dixis.Catalog</c>, exported by the service defaults at <c>/metrics</c>).
/// Search time is measured in the service, from the request's arrival at the search service to its answer,
/// so the figure excludes the network and the gateway.
/// </summary>
public sealed class CatalogMetrics
{
    public const string MeterName = "Dixis.Catalog";

    /// <summary>Bucket bounds fine enough to read p50 and p99 against millisecond targets.</summary>
    private static readonly double[] DurationBuckets = [0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30, 40, 50, 75, 100, 250, 500, 1000];

    private readonly Histogram<double> searchDuration;
    private readonly Histogram<double> suggestDuration;

    public CatalogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        searchDuration = meter.CreateHistogram(
            "dixis.catalog.search.duration",
            unit: "ms",
            description: "Time the catalog spent answering SearchProducts.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        suggestDuration = meter.CreateHistogram(
            "dixis.catalog.suggest.duration",
            unit: "ms",
            description: "Time the catalog spent answering SuggestProducts.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void SearchAnswered(TimeSpan elapsed, bool withFacets) =>
        searchDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("facets", withFacets));

    public void SuggestAnswered(TimeSpan elapsed) => suggestDuration.Record(elapsed.TotalMilliseconds);
}
