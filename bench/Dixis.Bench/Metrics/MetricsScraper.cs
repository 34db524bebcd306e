namespace Dixis.Bench.Metrics;

/// <summary>Reads a service's Prometheus endpoint (<c>/metrics</c> on its <c>http</c> endpoint) for one histogram.</summary>
public sealed class MetricsScraper(HttpClient http)
{
    public async Task<HistogramBuckets?> ScrapeAsync(Uri httpEndpoint, string histogram, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(httpEndpoint, "/metrics"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailedException($"GET {httpEndpoint}metrics answered {(int)response.StatusCode}; the in-service percentiles need the Prometheus endpoint.");
        }

        return HistogramBuckets.Parse(await response.Content.ReadAsStringAsync(cancellationToken), histogram);
    }

    /// <summary>p50/p99 of what the histogram observed between two scrapes.</summary>
    /// <exception cref="BenchFailedException">The service never exported the histogram, or observed nothing in the window.</exception>
    public static ServiceLatency Between(string histogram, HistogramBuckets? before, HistogramBuckets? after)
    {
        var window = after?.Since(before)
            ?? throw new BenchFailedException($"the catalog's /metrics has no histogram named {histogram}*: does the catalog record it yet?");
        if (window.Quantile(0.5) is not { } p50 || window.Quantile(0.99) is not { } p99)
        {
            throw new BenchFailedException($"the histogram {histogram}* observed nothing during the measured window.");
        }

        return new ServiceLatency(histogram, window.Count, p50, p99);
    }
}
