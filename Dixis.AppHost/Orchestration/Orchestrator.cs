using Dixis.AppHost.Model;

namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Runs every resource of the platform: all start together and each waits for what it references;
/// on shutdown each stops only after everything that depends on it has stopped (reverse dependency order).
/// </summary>
internal sealed class Orchestrator : IHostedService, IAsyncDisposable
{
    private readonly ProcessLauncher _launcher = new();
    private readonly HttpClient _http = new();
    private readonly ChangeSignal _changed = new();
    private readonly List<ResourceSupervisor> _supervisors = [];
    private Task? _stopping;
    private int _disposed;

    public Orchestrator(IReadOnlyList<Resource> resources, SupervisionSettings settings)
    {
        var byResource = new Dictionary<Resource, ResourceSupervisor>();
        // Resources are declared after what they reference, so dependencies always exist already.
        foreach (var resource in resources)
        {
            var dependencies = resource.References.Select(r => byResource[r]).ToList();
            var supervisor = new ResourceSupervisor(resource, dependencies, _launcher, _http, _changed, settings);
            byResource[resource] = supervisor;
            _supervisors.Add(supervisor);
        }
    }

    /// <summary>The supervisors in declaration order.</summary>
    public IReadOnlyList<ResourceSupervisor> Supervisors => _supervisors;

    /// <summary>Completes at the next change of any resource's state or health.</summary>
    public Task NextChange => _changed.Next;

    /// <summary>The supervisor of the resource named <paramref name="name"/>, or null.</summary>
    public ResourceSupervisor? Find(string name) =>
        _supervisors.Find(s => string.Equals(s.Resource.Name, name, StringComparison.Ordinal));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var supervisor in _supervisors)
        {
            supervisor.Start();
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when every resource that runs is healthy.</summary>
    public async Task WaitUntilAllReadyAsync(CancellationToken cancellationToken)
    {
        foreach (var supervisor in _supervisors)
        {
            await supervisor.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every process in reverse dependency order. Idempotent; does not give up on cancellation: no orphans.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _stopping ??= StopInReverseDependencyOrderAsync();

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var supervisor in _supervisors)
        {
            await supervisor.DisposeAsync().ConfigureAwait(false);
        }

        // Ends the launcher thread last: its exit is what fires the parent-death signal of the children.
        _launcher.Dispose();
        _http.Dispose();
    }

    private Task StopInReverseDependencyOrderAsync()
    {
        var stops = new Dictionary<ResourceSupervisor, Task>();

        Task StopAfterDependents(ResourceSupervisor supervisor)
        {
            if (!stops.TryGetValue(supervisor, out var stop))
            {
                var dependents = _supervisors.Where(s => s.Dependencies.Contains(supervisor)).Select(StopAfterDependents).ToList();
                stop = StopWhenAllDoneAsync(dependents, supervisor);
                stops[supervisor] = stop;
            }

            return stop;
        }

        return Task.WhenAll(_supervisors.Select(StopAfterDependents).ToList());
    }

    private static async Task StopWhenAllDoneAsync(IEnumerable<Task> dependents, ResourceSupervisor supervisor)
    {
        await Task.WhenAll(dependents).ConfigureAwait(false);
        await supervisor.StopAsync().ConfigureAwait(false);
    }
}
