namespace Dixis.AppHost.Orchestration;

/// <summary>The last health check's verdict.</summary>
public enum ResourceHealth
{
    /// <summary>Not checked yet, or the process is not running.</summary>
    Unknown,

    /// <summary>The last check succeeded.</summary>
    Healthy,

    /// <summary>The last check failed.</summary>
    Unhealthy,
}
