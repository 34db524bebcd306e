using Dixis.AppHost.Model;

namespace Dixis.AppHost.Orchestration;

/// <summary>A resource's state at one moment, as the console, the dashboard and tests see it.</summary>
/// <param name="Name">The resource's name.</param>
/// <param name="Kind"><c>project</c>, <c>redis</c> or <c>mongodb</c>.</param>
/// <param name="State">Where the resource is in its life.</param>
/// <param name="Health">The last health check's verdict.</param>
/// <param name="HealthDescription">What the last check saw (e.g. <c>GET /health → 200</c>).</param>
/// <param name="Endpoints">The resource's endpoints.</param>
/// <param name="ProcessId">The running process's id, when one runs.</param>
/// <param name="Restarts">How many times the process was restarted after a crash.</param>
/// <param name="StartedAt">When the current process started.</param>
/// <param name="LastExitCode">The exit code of the last process that ended.</param>
/// <param name="Detail">Why the resource is skipped, failed to start, or is restarting.</param>
/// <param name="References">Names of the resources it waits for.</param>
/// <param name="Environment">The variables the AppHost sets (unmasked: mask before showing).</param>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    ResourceHealth Health,
    string? HealthDescription,
    IReadOnlyList<ResourceEndpoint> Endpoints,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt,
    int? LastExitCode,
    string? Detail,
    IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Running and passing its health check: dependents may start.</summary>
    public bool IsReady => State == ResourceState.Running && Health == ResourceHealth.Healthy;
}
