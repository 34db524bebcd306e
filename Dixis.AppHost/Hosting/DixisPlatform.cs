using System.Diagnostics;
using Dixis.AppHost.Dashboard;
using Dixis.AppHost.Logs;
using Dixis.AppHost.Model;
using Dixis.AppHost.Orchestration;
using Dixis.AppHost.Terminal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// The running platform: every resource's process under supervision, and the dashboard. Tests and the
/// benchmark start it with <see cref="StartAsync(PlatformOptions, CancellationToken)"/> and dispose it to tear it down.
/// </summary>
public sealed partial class DixisPlatform : IAsyncDisposable
{
    private readonly WebApplication _dashboard;
    private readonly Orchestrator _orchestrator;
    private readonly PlatformOptions _options;
    private readonly ILogger _logger;
    private bool _started;
    private bool _disposed;

    internal DixisPlatform(IReadOnlyList<Resource> resources, PlatformOptions options)
    {
        _options = options;
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Dixis.AppHost",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // The dashboard is configured by PlatformOptions alone, never by a stray appsettings.json or ASPNETCORE_URLS.
        web.Configuration.Sources.Clear();
        web.Configuration.AddInMemoryCollection();
        ConfigureLogging(web.Logging, options);
        web.WebHost.UseUrls(options.DashboardPort == 0
            ? $"http://{ResourceEndpoint.LoopbackHost}:0"
            : $"http://localhost:{options.DashboardPort}");
        web.Services.AddSingleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>();
        web.Services.AddOptions<PlatformOptions>().Configure(o => CopyValidatedFields(options, o)).ValidateOnStart();
        web.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // Stopping waits for every child: give the host enough time for the slowest chain (gateway → service → engine).
        web.Services.Configure<HostOptions>(o => o.ShutdownTimeout = (options.StopGracePeriod * 4) + TimeSpan.FromSeconds(10));
        web.Services.AddDashboard();

        var echo = options.Echo == ConsoleEcho.None ? null : new ConsoleLineEcho(options.Echo, resources.Select(r => r.Name));
        web.Services.AddSingleton(TimeProvider.System);
        // The container owns the orchestrator: disposing the dashboard host disposes it (after StopAsync stopped the children).
        web.Services.AddSingleton(services => new Orchestrator(
            resources,
            new SupervisionSettings(
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Dixis.AppHost"),
                options.StopGracePeriod,
                options.LogCapacity,
                echo is null ? null : echo.Write)));
        web.Services.AddHostedService(services => services.GetRequiredService<Orchestrator>());

        _dashboard = web.Build();
        _dashboard.MapDashboard();
        _orchestrator = _dashboard.Services.GetRequiredService<Orchestrator>();
        _logger = _dashboard.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dixis.AppHost");
    }

    /// <summary>The dashboard's base URL (HTML at <c>/</c>, JSON at <c>/api/resources</c>); known once started.</summary>
    public Uri DashboardUrl { get; private set; } = new("http://localhost/");

    /// <summary>Every resource's current state, in declaration order.</summary>
    public IReadOnlyList<ResourceSnapshot> Resources => [.. _orchestrator.Supervisors.Select(s => s.Snapshot())];

    /// <summary>
    /// Builds the Dixis platform (the diagram in <c>Program.cs</c>) with <paramref name="options"/>, starts it and
    /// waits until every resource that runs is healthy.
    /// </summary>
    /// <exception cref="TimeoutException">Not every resource became healthy within <see cref="PlatformOptions.StartTimeout"/>; the message shows their state and last output.</exception>
    public static async Task<DixisPlatform> StartAsync(PlatformOptions options, CancellationToken cancellationToken)
    {
        var platform = Program.DescribePlatform(PlatformBuilder.Create(options)).Build();
        try
        {
            await platform.StartAsync(cancellationToken).ConfigureAwait(false);
            await platform.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The URL of a resource's endpoint, e.g. <c>Endpoint("gateway", "grpc")</c> → <c>http://127.0.0.1:41234</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such resource or endpoint (the message lists the existing ones).</exception>
    public Uri Endpoint(string resource, string endpoint)
    {
        var found = FindResource(resource);
        return found.FindEndpoint(endpoint)?.Url
            ?? throw new KeyNotFoundException($"Resource '{resource}' has no endpoint '{endpoint}'. Endpoints: {string.Join(", ", found.Endpoints.Select(e => e.Name))}{(found.IsEnabled ? "" : $" (skipped: {found.SkipReason})")}.");
    }

    /// <summary>A resource's connection string (<c>ConnectionStrings__&lt;name&gt;</c>), or null when it is skipped or has none.</summary>
    public string? ConnectionString(string resource) =>
        FindResource(resource) is { IsEnabled: true } and IResourceWithConnectionString withConnectionString ? withConnectionString.ConnectionString : null;

    /// <summary>A resource's current state.</summary>
    public ResourceSnapshot Resource(string resource) => Supervisor(resource).Snapshot();

    /// <summary>The process id of a running resource, or null.</summary>
    public int? ProcessId(string resource) => Resource(resource).ProcessId;

    /// <summary>A resource's recent console lines, oldest first.</summary>
    public IReadOnlyList<LogLine> Logs(string resource) => Supervisor(resource).Logs.ReadAfter(0);

    /// <summary>Starts the dashboard and every resource; returns without waiting for health.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("The platform is already started.");
        }

        _started = true;
        await _dashboard.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null)
        {
            DashboardUrl = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until every resource that runs is healthy.</summary>
    /// <exception cref="TimeoutException">Not healthy within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _orchestrator.WaitUntilAllReadyAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(NotReadyReport(timeout));
        }
    }

    /// <summary>
    /// The interactive run (<c>dotnet run --project Dixis.AppHost</c>): starts everything, prints the resource
    /// table and URLs, and runs until Ctrl+C or SIGTERM, then stops every child in reverse dependency order.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var table = new ResourceTable(Console.Out);
        table.Print(Resources, DashboardUrl, TimeProvider.System.GetUtcNow());
        var lifetime = _dashboard.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await _orchestrator.WaitUntilAllReadyAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
            LogAllReady(clock.Elapsed.TotalSeconds);
            table.Print(Resources, DashboardUrl, TimeProvider.System.GetUtcNow());
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Ctrl+C before everything was up.
        }

        await _dashboard.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops every process (reverse dependency order) and the dashboard.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _orchestrator.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_started)
        {
            await _dashboard.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _orchestrator.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_started)
        {
            await _dashboard.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _dashboard.DisposeAsync().ConfigureAwait(false);
    }

    private Resource FindResource(string name) =>
        Supervisor(name).Resource;

    private ResourceSupervisor Supervisor(string name) =>
        _orchestrator.Find(name)
        ?? throw new KeyNotFoundException($"No resource named '{name}'. Resources: {string.Join(", ", _orchestrator.Supervisors.Select(s => s.Resource.Name))}.");

    private string NotReadyReport(TimeSpan timeout)
    {
        var report = new System.Text.StringBuilder($"The platform was not healthy within {timeout.TotalSeconds:0} s.");
        foreach (var supervisor in _orchestrator.Supervisors)
        {
            var snapshot = supervisor.Snapshot();
            if (snapshot.IsReady || snapshot.State == ResourceState.Skipped)
            {
                continue;
            }

            report.AppendLine().Append($"- {snapshot.Name}: {snapshot.State}, {snapshot.Health} ({snapshot.HealthDescription ?? snapshot.Detail ?? "no detail"}); last output:");
            foreach (var line in supervisor.Logs.ReadAfter(0, max: 15))
            {
                report.AppendLine().Append("    ").Append(line.Text);
            }
        }

        return report.ToString();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, PlatformOptions options)
    {
        logging.ClearProviders();
        if (options.LogToConsole)
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        logging.AddFilter("Microsoft", LogLevel.Warning);
    }

    private static void CopyValidatedFields(PlatformOptions from, PlatformOptions to)
    {
        to.Embedded = from.Embedded;
        to.DashboardPort = from.DashboardPort;
        to.DataDirectory = from.DataDirectory;
        to.UseWellKnownPorts = from.UseWellKnownPorts;
        to.EnvironmentName = from.EnvironmentName;
        to.Configuration = from.Configuration;
        to.StartTimeout = from.StartTimeout;
        to.StopGracePeriod = from.StopGracePeriod;
        to.LogCapacity = from.LogCapacity;
        to.LogToConsole = from.LogToConsole;
        to.Echo = from.Echo;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Every resource is healthy, {Seconds:0.0} s after start")]
    private partial void LogAllReady(double seconds);
}
