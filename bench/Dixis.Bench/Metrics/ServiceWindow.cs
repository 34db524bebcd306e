namespace Dixis.Bench.Metrics;

/// <summary>
/// One measured window as a service saw it: its histogram scraped when the window starts and again when it ends,
/// so the percentiles cover exactly the window's requests (warm-up excluded) measured inside the service.
/// </summary>
public sealed class ServiceWindow(MetricsScraper scraper, Uri serviceHttp, string histogram)
{
    private HistogramBuckets? atStart;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        atStart = await scraper.ScrapeAsync(serviceHttp, histogram, cancellationToken);

    public async Task<ServiceLatency> EndAsync(CancellationToken cancellationToken) =>
        MetricsScraper.Between(histogram, atStart, await scraper.ScrapeAsync(serviceHttp, histogram, cancellationToken));
}
