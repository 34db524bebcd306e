namespace Dixis.AppHost.Health;

/// <summary>The outcome of one health check, with a short description for the dashboard.</summary>
internal sealed record ProbeResult(bool IsHealthy, string Description)
{
    public static ProbeResult Healthy(string description) => new(true, description);

    public static ProbeResult Unhealthy(string description) => new(false, description);
}
