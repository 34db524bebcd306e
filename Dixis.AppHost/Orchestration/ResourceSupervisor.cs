using Dixis.AppHost.Health;
using Dixis.AppHost.Logs;
using Dixis.AppHost.Model;

namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Runs one resource for the life of the platform: waits for the resources it references to be healthy,
/// starts the process, polls its health, restarts it with back-off when it crashes, and stops it gracefully.
/// </summary>
internal sealed partial class ResourceSupervisor : IAsyncDisposable
{
    // A process that stayed up this long before crashing is restarted quickly again (the back-off starts over).
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollWhileUnhealthy = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollWhileHealthy = TimeSpan.FromSeconds(2);

    private readonly Resource _resource;
    private readonly IReadOnlyList<ResourceSupervisor> _dependencies;
    private readonly ProcessLauncher _launcher;
    private readonly IHealthProbe? _probe;
    private readonly ChangeSignal _changed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<string, LogLine>? _lineObserver;
    private readonly TimeSpan _stopGracePeriod;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _supervision = Task.CompletedTask;

    private ResourceState _state = ResourceState.Pending;
    private ResourceHealth _health = ResourceHealth.Unknown;
    private string? _healthDescription;
    private int? _processId;
    private int _restarts;
    private DateTimeOffset? _startedAt;
    private int? _lastExitCode;
    private string? _detail;

    public ResourceSupervisor(
        Resource resource,
        IReadOnlyList<ResourceSupervisor> dependencies,
        ProcessLauncher launcher,
        HttpClient http,
        ChangeSignal changed,
        SupervisionSettings settings)
    {
        _resource = resource;
        _dependencies = dependencies;
        _launcher = launcher;
        // Skipped resources have no endpoints to probe.
        _probe = resource.IsEnabled ? resource.CreateHealthProbe(http) : null;
        _changed = changed;
        _time = settings.Time;
        _logger = settings.Logger;
        _lineObserver = settings.LineObserver;
        _stopGracePeriod = settings.StopGracePeriod;
        Logs = new LogRing(settings.LogCapacity);
    }

    /// <summary>The resource supervised.</summary>
    public Resource Resource => _resource;

    /// <summary>The resource's recent console lines.</summary>
    public LogRing Logs { get; }

    /// <summary>The resources this one waits for.</summary>
    public IReadOnlyList<ResourceSupervisor> Dependencies => _dependencies;

    /// <summary>The current state.</summary>
    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ResourceSnapshot(
                _resource.Name,
                _resource.Kind,
                _state,
                _health,
                _healthDescription,
                _resource.Endpoints,
                _processId,
                _restarts,
                _startedAt,
                _lastExitCode,
                _detail,
                [.. _resource.References.Select(r => r.Name)],
                _resource.Environment);
        }
    }

    /// <summary>Begins supervising; returns at once.</summary>
    public void Start() => _supervision = Task.Run(() => SuperviseAsync(_stopping.Token));

    /// <summary>Stops the process (SIGTERM, then SIGKILL after the grace period) and ends supervision.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _supervision.ConfigureAwait(false);
    }

    /// <summary>Completes when the resource is running and healthy (or is skipped: nothing to wait for).</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = _changed.Next;
            var snapshot = Snapshot();
            if (snapshot.IsReady || snapshot.State == ResourceState.Skipped)
            {
                return;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_probe is not null)
        {
            await _probe.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        if (!_resource.IsEnabled)
        {
            Update(ResourceState.Skipped, detail: _resource.SkipReason);
            return;
        }

        try
        {
            Update(ResourceState.Waiting, detail: WaitingFor());
            foreach (var dependency in _dependencies)
            {
                await dependency.WaitUntilReadyAsync(stopping).ConfigureAwait(false);
            }

            var consecutiveFailures = 0;
            while (true)
            {
                var crashedAfter = await RunOnceAsync(stopping).ConfigureAwait(false);
                consecutiveFailures = crashedAfter >= StableRun ? 1 : consecutiveFailures + 1;
                var delay = RestartBackoff.Delay(consecutiveFailures);
                lock (_gate)
                {
                    _restarts++;
                }

                // Keep why the start failed visible next to when the next attempt comes.
                var failure = Snapshot() is { State: ResourceState.FailedToStart, Detail: { } reason } ? $"could not start: {reason}; " : "";
                Update(ResourceState.Restarting, detail: $"{failure}restarting in {delay.TotalSeconds:0} s");
                LogRestarting(_resource.Name, delay.TotalSeconds);
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Update(ResourceState.Stopped, detail: null);
        }
    }

    /// <summary>Starts the process and watches it until it exits; returns how long it ran. Throws when stopping.</summary>
    private async Task<TimeSpan> RunOnceAsync(CancellationToken stopping)
    {
        Update(ResourceState.Starting, detail: null);
        var spec = _resource.CreateLaunchSpec();
        ChildProcess child;
        try
        {
            var process = await _launcher.StartAsync(spec, _resource.Environment, stopping).ConfigureAwait(false);
            child = ChildProcess.Attach(process, OnLine);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Update(ResourceState.FailedToStart, detail: e.Message);
            LogFailedToStart(_resource.Name, spec.FileName, e.Message);
            return TimeSpan.Zero;
        }

        using (child)
        {
            var startedAt = _time.GetUtcNow();
            lock (_gate)
            {
                _processId = child.Id;
                _startedAt = startedAt;
            }

            Update(ResourceState.Running, detail: null);
            LogStarted(_resource.Name, child.Id);

            using var healthPolling = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var polling = PollHealthAsync(healthPolling.Token);
            try
            {
                var exitCode = await child.WaitForExitAsync(stopping).ConfigureAwait(false);
                lock (_gate)
                {
                    _lastExitCode = exitCode;
                    _processId = null;
                    _health = ResourceHealth.Unknown;
                }

                LogExited(_resource.Name, exitCode);
                return _time.GetUtcNow() - startedAt;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                Update(ResourceState.Stopping, detail: null);
                var graceful = await child.StopAsync(_stopGracePeriod, _time).ConfigureAwait(false);
                var exitCode = await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    _lastExitCode = exitCode;
                    _processId = null;
                    _health = ResourceHealth.Unknown;
                }

                LogStopped(_resource.Name, graceful);
                throw;
            }
            finally
            {
                await healthPolling.CancelAsync().ConfigureAwait(false);
                await polling.ConfigureAwait(false);
            }
        }
    }

    private async Task PollHealthAsync(CancellationToken cancellationToken)
    {
        if (_probe is null)
        {
            return;
        }

        try
        {
            while (true)
            {
                var result = await _probe.CheckAsync(cancellationToken).ConfigureAwait(false);
                var health = result.IsHealthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
                ResourceHealth previous;
                lock (_gate)
                {
                    previous = _health;
                    _health = health;
                    _healthDescription = result.Description;
                }

                if (previous != health)
                {
                    LogHealthChanged(_resource.Name, health, result.Description);
                    _changed.Notify();
                }

                await Task.Delay(result.IsHealthy ? PollWhileHealthy : PollWhileUnhealthy, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The process exited or the platform is stopping.
        }
    }

    private void OnLine(LogStream stream, string text)
    {
        var line = Logs.Append(stream, text, _time.GetUtcNow());
        _lineObserver?.Invoke(_resource.Name, line);
    }

    private string? WaitingFor()
    {
        var names = _dependencies.Where(d => d.Resource.IsEnabled).Select(d => d.Resource.Name).ToList();
        return names.Count == 0 ? null : "waiting for " + string.Join(", ", names);
    }

    private void Update(ResourceState state, string? detail)
    {
        lock (_gate)
        {
            _state = state;
            _detail = detail;
        }

        _changed.Notify();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource} started (pid {ProcessId})")]
    private partial void LogStarted(string resource, int processId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Resource} is {Health}: {Description}")]
    private partial void LogHealthChanged(string resource, ResourceHealth health, string description);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Resource} exited with code {ExitCode}")]
    private partial void LogExited(string resource, int exitCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Resource} restarts in {DelaySeconds} s")]
    private partial void LogRestarting(string resource, double delaySeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "{Resource} could not start '{Executable}': {Reason}")]
    private partial void LogFailedToStart(string resource, string executable, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Resource} stopped (graceful: {Graceful})")]
    private partial void LogStopped(string resource, bool graceful);
}
