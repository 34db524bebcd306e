namespace Dixis.Bench.Metrics;

/// <summary>
/// One measured window as a service saw it: its histogram scraped when the window starts and again when it ends,
/// so the percentiles cover exactly the window's requests (warm-up excluded) measured inside the service.
/// </summary>
public sealed class ServiceWindow(MetricsScraper scraper, Uri serviceHttp, string histogram)
{
    private HistogramBuckets? atStart;

    /// <summary>The window's percentiles, once <see cref="EndAsync"/> has run.</summary>
    public ServiceLatency? Latency { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken) =>
        atStart = await scraper.ScrapeAsync(serviceHttp, histogram, cancellationToken);

    /// <summary>Call as soon as the load tool stops, before any other request (the status probe) reaches the service.</summary>
    public async Task EndAsync(CancellationToken cancellationToken) =>
        Latency = MetricsScraper.Between(histogram, atStart, await scraper.ScrapeAsync(serviceHttp, histogram, cancellationToken));
}
