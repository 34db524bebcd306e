using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Dashboard.Api;

/// <summary>A resource in the JSON API (<c>/api/resources</c>), environment already masked.</summary>
public sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    string Health,
    string? HealthDescription,
    IReadOnlyList<EndpointView> Endpoints,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt,
    double? UptimeSeconds,
    int? LastExitCode,
    string? Detail,
    IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> Environment,
    bool Ready)
{
    /// <summary>The view of a snapshot at <paramref name="now"/>.</summary>
    public static ResourceView From(ResourceSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ResourceView(
            snapshot.Name,
            snapshot.Kind,
            snapshot.State.ToString(),
            snapshot.Health.ToString(),
            snapshot.HealthDescription,
            [.. snapshot.Endpoints.Select(e => new EndpointView(e.Name, e.Url.ToString().TrimEnd('/')))],
            snapshot.ProcessId,
            snapshot.Restarts,
            snapshot.StartedAt,
            snapshot.ProcessId is null || snapshot.StartedAt is null ? null : Math.Round((now - snapshot.StartedAt.Value).TotalSeconds, 1),
            snapshot.LastExitCode,
            snapshot.Detail,
            snapshot.References,
            SecretMasker.Mask(snapshot.Environment),
            snapshot.IsReady);
    }
}
