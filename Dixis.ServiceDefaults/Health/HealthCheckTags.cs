namespace Dixis.ServiceDefaults.Health;

/// <summary>Tags that decide which endpoint runs a health check.</summary>
public static class HealthCheckTags
{
    /// <summary>Liveness: the process itself answers (<c>/alive</c>). Never tag a dependency with it.</summary>
    public const string Live = "live";

    /// <summary>Readiness: the dependencies answer (<c>/health</c> and <c>grpc.health.v1</c>).</summary>
    public const string Ready = "ready";
}
