using System.Globalization;

namespace Dixis.AppHost.Health;

/// <summary>A service is ready when <c>GET /health</c> (readiness, dependencies included) answers 200.</summary>
internal sealed class HttpHealthProbe(HttpClient http, Uri healthUrl) : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(healthUrl, timeout.Token).ConfigureAwait(false);
            var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response.IsSuccessStatusCode
                ? ProbeResult.Healthy($"GET /health → {code}")
                : ProbeResult.Unhealthy($"GET /health → {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unhealthy("GET /health timed out");
        }
        catch (HttpRequestException e)
        {
            return ProbeResult.Unhealthy($"GET /health failed: {e.HttpRequestError}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
