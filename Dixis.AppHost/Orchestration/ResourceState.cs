namespace Dixis.AppHost.Orchestration;

/// <summary>Where a resource is in its life, as shown in the console and the dashboard.</summary>
public enum ResourceState
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Waiting for the resources it references to become healthy.</summary>
    Waiting,

    /// <summary>The process is being started.</summary>
    Starting,

    /// <summary>The process runs (see the health for whether it is ready).</summary>
    Running,

    /// <summary>The process exited unexpectedly and will be restarted after a back-off delay.</summary>
    Restarting,

    /// <summary>The process could not be started (e.g. the executable is missing); retried with back-off.</summary>
    FailedToStart,

    /// <summary>The AppHost is stopping the process.</summary>
    Stopping,

    /// <summary>The process was stopped by the AppHost.</summary>
    Stopped,

    /// <summary>The resource is not run (e.g. redis-server is not installed, or <c>--embedded</c>).</summary>
    Skipped,
}
