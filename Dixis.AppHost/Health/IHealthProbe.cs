namespace Dixis.AppHost.Health;

/// <summary>Asks a running resource whether it is ready to serve. Polled continuously by its supervisor.</summary>
internal interface IHealthProbe : IAsyncDisposable
{
    /// <summary>One check; never throws for an unhealthy or unreachable resource, only on cancellation.</summary>
    Task<ProbeResult> CheckAsync(CancellationToken cancellationToken);
}
