namespace Dixis.Bench.Metrics;

/// <summary>Latency percentiles measured inside a service from its own histogram, over the measured window only.</summary>
/// <param name="Histogram">The metric name prefix read, e.g. <c>dixis_catalog_search_duration</c>.</param>
/// <param name="Count">Observations in the window.</param>
/// <param name="P50Milliseconds">Median, interpolated within its bucket.</param>
/// <param name="P99Milliseconds">99th percentile, interpolated within its bucket.</param>
public sealed record ServiceLatency(string Histogram, double Count, double P50Milliseconds, double P99Milliseconds);
