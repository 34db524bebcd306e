using Dixis.AppHost.Hosting;

namespace Dixis.Bench.Processes;

/// <summary>
/// The whole platform, started through the AppHost's in-process API from this harness's own Release build,
/// on free loopback ports, with a fresh data directory that is deleted again on disposal.
/// </summary>
public sealed class AppHostPlatform : IPlatformUnderTest
{
    private static readonly TimeSpan StartTimeLimit = TimeSpan.FromMinutes(3);
    private readonly DixisPlatform platform;
    private readonly DirectoryInfo dataDirectory;
    private readonly BenchAdmin admin;

    private AppHostPlatform(DixisPlatform platform, DirectoryInfo dataDirectory, BenchAdmin admin)
    {
        this.platform = platform;
        this.dataDirectory = dataDirectory;
        this.admin = admin;
    }

    public Task<Dixis.Catalog.Loading.CallerIdentity> SignInAsAdminAsync(CancellationToken cancellationToken) =>
        admin.SignInAsync(Endpoint("auth", "grpc"), cancellationToken);

    public Uri Endpoint(string resource, string endpoint)
    {
        try
        {
            return platform.Endpoint(resource, endpoint);
        }
        catch (KeyNotFoundException missing)
        {
            throw new BenchFailedException(missing.Message, missing);
        }
    }

    /// <summary>Every resource with a running process (services, gateway, and Redis or MongoDB when they run).</summary>
    public IReadOnlyList<MeasuredProcess> Processes =>
        platform.Resources
            .Where(resource => resource.ProcessId is not null)
            .Select(resource => new MeasuredProcess(resource.Name, resource.ProcessId!.Value))
            .ToList();

    /// <summary>Crash restarts since start: a restarted process's peak memory and the figures around it are suspect.</summary>
    public int Restarts => platform.Resources.Sum(resource => resource.Restarts);

    /// <summary>Starts every resource and returns once all are healthy.</summary>
    /// <param name="useInstalledEngines">Run Redis/MongoDB when installed (the AppHost's default); false forces the embedded defaults, so figures compare across machines.</param>
    /// <param name="loadsProducts">The harness loads products itself (<c>--products</c>): the catalog seeds only its category tree.</param>
    /// <param name="timeProvider">The harness clock, for the admin sign-in's deadline.</param>
    /// <param name="cancellationToken">Cancels the start; whatever already runs is stopped.</param>
    public static async Task<AppHostPlatform> StartAsync(bool useInstalledEngines, bool loadsProducts, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("dixis-bench-data-");
        var options = new PlatformOptions
        {
            Configuration = "Release",
            // Production settings (no developer exception pages, quieter logs), as a deployment would run.
            EnvironmentName = "Production",
            Embedded = !useInstalledEngines,
            DashboardPort = 0,
            UseWellKnownPorts = false,
            DataDirectory = dataDirectory.FullName,
            StartTimeout = StartTimeLimit,
        };

        // Production does not seed the demo catalog by default; the scenarios read it, so ask for it. With --products the
        // harness imports every product itself, so the catalog holds exactly that many.
        var catalog = new Dictionary<string, string> { ["Catalog__SeedDemoData"] = "true" };
        if (loadsProducts)
        {
            catalog["Catalog__DemoProductCount"] = "0";
        }

        options.AdditionalEnvironment["catalog"] = catalog;
        var admin = new BenchAdmin(timeProvider);
        options.AdditionalEnvironment["auth"] = admin.AuthEnvironment;

        // The gateway's rate limits (Gateway:RateLimits) would measure the limiter, not the platform: login is limited to
        // a few calls a minute per IP and every other call to 100/s per IP and 20/s per user, and all load comes from
        // 127.0.0.1. Benchmarks run with them off (an unknown setting is ignored by a gateway without rate limits).
        options.AdditionalEnvironment["gateway"] = new Dictionary<string, string> { ["Gateway__RateLimits__Enabled"] = "false" };

        try
        {
            return new AppHostPlatform(await DixisPlatform.StartAsync(options, cancellationToken), dataDirectory, admin);
        }
        catch (TimeoutException notReady)
        {
            dataDirectory.Delete(recursive: true);
            throw new BenchFailedException(notReady.Message, notReady);
        }
        catch
        {
            dataDirectory.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await platform.DisposeAsync();
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }
}
