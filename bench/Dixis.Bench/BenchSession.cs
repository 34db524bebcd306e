using Dixis.Bench.Catalog;
using Dixis.Bench.Cli;
using Dixis.Bench.Identity;
using Dixis.Bench.Load;
using Dixis.Bench.Metrics;
using Dixis.Bench.Processes;
using Dixis.Bench.Reporting;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench;

/// <summary>
/// One <c>bench/run</c>: starts the echo server (and the platform when the scenario needs it), loads the catalog to
/// <c>--products N</c>, builds data-bound requests from what was loaded, then for each run measures the echo ceiling
/// and the scenario back to back (or, for <c>catalog.rebuild</c>, one index rebuild), prints the run's table, and
/// finally the medians. Every process it starts is stopped when it returns, throws or is cancelled.
/// </summary>
public sealed class BenchSession(BenchArguments arguments, TextWriter results, ProgressLog progress, TimeProvider timeProvider)
{
    private const int FirstRunWarmUpFactor = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var scenario = arguments.Scenario;
        var h2loadPath = ExternalTool.FindOnPath("h2load")
            ?? throw new BenchFailedException("h2load is not installed (Debian package nghttp2-client); bench/run installs it.");
        var wrkPath = scenario.Protocol == ScenarioProtocol.Json
            ? ExternalTool.FindOnPath("wrk") ?? throw new BenchFailedException("wrk is not installed (Debian package wrk); bench/run installs it.")
            : null;

        var work = Directory.CreateTempSubdirectory("dixis-bench-");
        try
        {
            using var http = GrpcStatusProbe.CreateClient();
            var probe = new GrpcStatusProbe(http);
            var metrics = new MetricsScraper(http);
            var h2load = new H2LoadDriver(h2loadPath, work, timeProvider);
            var later = new LoadSettings(arguments.Duration, arguments.WarmUp, arguments.Connections);
            var firstRun = later with { WarmUp = arguments.WarmUp * FirstRunWarmUpFactor };

            // A rebuild is measured against its own target (seconds), not against the echo ceiling.
            await using var echo = scenario.Kind != ScenarioKind.Rebuild ? await StartEchoAsync(probe, cancellationToken) : null;
            await using var platform = scenario.Target == ScenarioTarget.Platform
                ? await StartPlatformAsync(cancellationToken)
                : null;
            if (platform is not null)
            {
                scenario = await PrepareCatalogAsync(platform, scenario, cancellationToken);
            }

            var customer = platform is not null && scenario.NeedsCustomer ? await RegisterCustomerAsync(platform, cancellationToken) : null;
            if (customer is not null)
            {
                scenario = scenario.BindTo(customer.Credentials);
            }

            await using var workload = scenario.Workload is { } build
                ? await build(new Commerce.ClientWorkloadContext(platform!, customer!, progress, timeProvider), arguments.Connections, cancellationToken)
                : null;

            if (scenario.Kind == ScenarioKind.Rebuild)
            {
                await MeasureRebuildsAsync(platform!, cancellationToken);
                progress.Step("stopping every process the harness started");
                return 0;
            }

            async Task<ScenarioMeasurement> MeasurePlatformAsync(Scenario measured, int run, LoadSettings settings, LoadResult ceiling)
            {
                progress.Step($"run {run}/{arguments.Runs}: {measured.Name} ({Describe(settings)})");
                var window = measured.ServiceHistogram is { } histogram
                    ? new ServiceWindow(metrics, platform!.Endpoint("catalog", "http"), histogram)
                    : null;
                var load = workload is not null
                    ? await MeasureClientAsync(workload, settings, platform!.Processes, cancellationToken)
                    : measured.Protocol == ScenarioProtocol.Grpc
                    ? await MeasureGrpcAsync(h2load, probe, measured, platform!.Endpoint(measured.Resource, "grpc"), settings, platform.Processes, window, cancellationToken)
                    : await MeasureJsonAsync(new WrkDriver(wrkPath!, work), measured, platform!.Endpoint(measured.Resource, "http"), settings, platform.Processes, window, cancellationToken);
                return new(
                    measured.Name,
                    measured.Protocol.ToString().ToLowerInvariant(),
                    load,
                    load.RequestsPerSecond / ceiling.RequestsPerSecond,
                    platform.Processes.Select(Peak).ToList(),
                    window?.Latency);
            }

            var runs = new List<IReadOnlyList<ScenarioMeasurement>>();
            for (var run = 1; run <= arguments.Runs; run++)
            {
                // Freshly started processes are still compiling hot paths (tiered JIT): the first run warms up longer.
                var settings = run == 1 ? firstRun : later;
                progress.Step($"run {run}/{arguments.Runs}: echo ceiling ({Describe(settings)})");
                var ceiling = await MeasureGrpcAsync(h2load, probe, ScenarioCatalog.Echo, echo!.Endpoint, settings, [echo.Measured], window: null, cancellationToken);
                List<ScenarioMeasurement> rows = [new(ScenarioCatalog.Echo.Name, "grpc", ceiling, 1.0, [Peak(echo.Measured)])];

                if (platform is not null)
                {
                    var measured = scenario;
                    if (customer is not null && scenario.SignedIn)
                    {
                        // Access tokens live ten minutes at most: a token of this run's own, checked before the load.
                        measured = scenario.WithAccessToken(await customer.SignInAsync(cancellationToken));
                        await CheckTokensAreValidatedAsync(probe, measured, platform.Endpoint(measured.Resource, "grpc"), cancellationToken);
                    }

                    // A baseline (e.g. the same read anonymous) is measured next to the scenario with the same settings;
                    // odd runs measure it first and even runs second, so that neither always gets the warmer platform.
                    ScenarioMeasurement? baseline = null;
                    if (scenario.Baseline is { } first && run % 2 == 1)
                    {
                        baseline = await MeasurePlatformAsync(first, run, settings, ceiling);
                    }

                    var row = await MeasurePlatformAsync(measured, run, settings, ceiling);
                    if (scenario.Baseline is { } second && run % 2 == 0)
                    {
                        baseline = await MeasurePlatformAsync(second, run, settings, ceiling);
                    }

                    if (baseline is not null)
                    {
                        rows.Add(baseline with { VersusBaseline = 1.0 });
                        row = row with { VersusBaseline = row.Load.RequestsPerSecond / baseline.Load.RequestsPerSecond };
                    }

                    rows.Add(row);
                }

                if (platform is { Restarts: > 0 })
                {
                    progress.Step($"warning: {platform.Restarts} platform process restart(s) so far; a crash invalidates this run's figures");
                }

                ResultTable.Write(results, $"run {run} of {arguments.Runs}: {Describe(settings)}", rows);
                runs.Add(rows);
            }

            if (arguments.Runs > 1)
            {
                ResultTable.Write(results, $"median of {arguments.Runs} runs", MedianOfRuns.Combine(runs));
            }

            progress.Step("stopping every process the harness started");
            return Report(runs);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<EchoServer> StartEchoAsync(GrpcStatusProbe probe, CancellationToken cancellationToken)
    {
        progress.Step("starting the echo server (Release)");
        return await EchoServer.StartAsync(probe, timeProvider, cancellationToken);
    }

    private async Task<IPlatformUnderTest> StartPlatformAsync(CancellationToken cancellationToken)
    {
        var engines = arguments.UseInstalledEngines ? "Redis/MongoDB when installed" : "embedded SQLite and in-memory cache";
        progress.Step($"starting the platform through the AppHost (Release, {engines}); waiting until every resource is healthy");
        var platform = await AppHostPlatform.StartAsync(arguments.UseInstalledEngines, loadsProducts: arguments.Products > 0, timeProvider, cancellationToken);
        progress.Step($"platform up: gateway grpc {platform.Endpoint("gateway", "grpc")}, http {platform.Endpoint("gateway", "http")}; processes: {string.Join(", ", platform.Processes.Select(p => $"{p.Name} ({p.Pid})"))}");
        return platform;
    }

    private async Task<BenchCustomer> RegisterCustomerAsync(IPlatformUnderTest platform, CancellationToken cancellationToken)
    {
        var authGrpc = platform.Endpoint("auth", "grpc");
        progress.Step($"registering the bench customer through AuthService/Register at {authGrpc}");
        var customer = await BenchCustomer.RegisterAsync(authGrpc, timeProvider, cancellationToken);
        progress.Step($"registered {customer.Credentials.Email}");
        return customer;
    }

    /// <summary>
    /// A signed-in scenario is only worth its figure if the token is really checked on this path: the scenario's call
    /// must succeed with the token, and the same call with the token's signature broken must be refused.
    /// </summary>
    private async Task CheckTokensAreValidatedAsync(GrpcStatusProbe probe, Scenario signedIn, Uri endpoint, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint, signedIn.Path);
        if (await probe.CallAsync(signedIn, url, cancellationToken) is { } refused)
        {
            throw new BenchFailedException($"{signedIn.Name}: the signed-in call at {url} failed: {refused}");
        }

        var token = signedIn.Headers["authorization"]["Bearer ".Length..];
        var tampered = signedIn.WithAccessToken(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        var answer = await probe.CallAsync(tampered, url, cancellationToken);
        if (answer is null || !answer.StartsWith("grpc-status 16", StringComparison.Ordinal))
        {
            throw new BenchFailedException(
                $"{signedIn.Name}: a call with a broken token signature at {url} was not refused as UNAUTHENTICATED ({answer ?? "it succeeded"}): the path does not validate tokens.");
        }

        progress.Step($"{signedIn.Name}: signed in; the token is accepted and a broken one is refused ({answer})");
    }

    /// <summary>
    /// Loads the catalog to <c>--products N</c> (printing the import's figures) and builds the scenario's request from
    /// the loaded data when it needs any; the result replays fixed bytes again.
    /// </summary>
    private async Task<Scenario> PrepareCatalogAsync(IPlatformUnderTest platform, Scenario scenario, CancellationToken cancellationToken)
    {
        var catalogGrpc = platform.Endpoint("catalog", "grpc");
        var admin = await platform.SignInAsAdminAsync(cancellationToken);
        if (arguments.Products > 0)
        {
            progress.Step($"loading the catalog to {arguments.Products:N0} products through ImportProducts at {catalogGrpc}");
            var load = await new CatalogLoadStep(progress, timeProvider).RunAsync(catalogGrpc, admin, arguments.Products, cancellationToken);
            var catalog = platform.Processes.FirstOrDefault(p => p.Name == "catalog");
            load = load with { CatalogPeakBytes = catalog is null ? null : PeakMemory.ReadBytes(catalog.Pid) };
            CatalogLoadTable.Write(results, load);
            await new PlatformSettling(progress, timeProvider).WaitAsync(platform.Processes, cancellationToken);

            // The scenario's peak-memory figures are of its own runs: the load's peak is reported above.
            if (!platform.Processes.All(p => PeakMemory.Reset(p.Pid)))
            {
                progress.Step("warning: could not reset the processes' peak memory after the load; peak RSS figures include the load");
            }
            if (load.Failed > 0)
            {
                progress.Step($"warning: the catalog rejected {load.Failed:N0} of {load.Received:N0} rows; first: {load.FirstError}");
            }
        }

        if (!scenario.NeedsCatalogSample)
        {
            return scenario;
        }

        var sampler = new CatalogSampler(timeProvider);
        // A token lives ten minutes; the load may have taken longer, so the sampler signs in again.
        admin = await platform.SignInAsAdminAsync(cancellationToken);
        var bound = scenario.BindTo(await sampler.ReadAsync(catalogGrpc, admin, cancellationToken));
        if (bound.Protocol == ScenarioProtocol.Grpc && bound.Path.EndsWith("/SearchProducts", StringComparison.Ordinal))
        {
            var request = Dixis.Contracts.Catalog.V1.SearchProductsRequest.Parser.ParseFrom(bound.Body.Span[GrpcFrame.HeaderLength..]);
            var matches = await sampler.CountMatchesAsync(catalogGrpc, admin, request, cancellationToken);
            progress.Step($"{bound.Name}: the search matches {matches:N0} products{(matches < 1_000 ? " (fewer than 1,000: load more with --products)" : string.Empty)}");
        }

        return bound;
    }

    private async Task MeasureRebuildsAsync(IPlatformUnderTest platform, CancellationToken cancellationToken)
    {
        var catalog = platform.Processes.FirstOrDefault(p => p.Name == "catalog")
            ?? throw new BenchFailedException("the platform has no catalog process to measure.");
        var rebuild = new SearchIndexRebuild(timeProvider);
        var runs = new List<RebuildFigures>();
        for (var run = 1; run <= arguments.Runs; run++)
        {
            progress.Step($"run {run}/{arguments.Runs}: rebuilding the search index of Catalog");
            var admin = await platform.SignInAsAdminAsync(cancellationToken);
            var figures = await rebuild.MeasureAsync(platform.Endpoint("catalog", "grpc"), admin, catalog, cancellationToken);
            progress.Step($"run {run}/{arguments.Runs}: rebuilt {figures.DocumentCount:N0} products in {figures.ServiceDuration.TotalSeconds:0.0} s");
            runs.Add(figures);
        }

        RebuildTable.Write(results, runs);
    }

    private static async Task<LoadResult> MeasureGrpcAsync(
        H2LoadDriver h2load,
        GrpcStatusProbe probe,
        Scenario scenario,
        Uri endpoint,
        LoadSettings settings,
        IReadOnlyList<MeasuredProcess> measured,
        ServiceWindow? window,
        CancellationToken cancellationToken)
    {
        var load = await h2load.RunAsync(scenario, endpoint, settings, measured, window is null ? null : window.StartAsync, cancellationToken);
        if (window is not null)
        {
            await window.EndAsync(cancellationToken);
        }

        return load with { GrpcProbe = await probe.SampleAsync(scenario, endpoint, cancellationToken) };
    }

    private async Task<LoadResult> MeasureClientAsync(IClientWorkload workload, LoadSettings settings, IReadOnlyList<MeasuredProcess> measured, CancellationToken cancellationToken)
    {
        await workload.PrepareAsync(settings, cancellationToken);
        return await new ClientLoadDriver(timeProvider).RunAsync(workload, settings, measured, cancellationToken);
    }

    private static async Task<LoadResult> MeasureJsonAsync(
        WrkDriver wrk, Scenario scenario, Uri endpoint, LoadSettings settings, IReadOnlyList<MeasuredProcess> measured, ServiceWindow? window, CancellationToken cancellationToken)
    {
        var load = await wrk.RunAsync(scenario, endpoint, settings, measured, window is null ? null : window.StartAsync, cancellationToken);
        if (window is not null)
        {
            await window.EndAsync(cancellationToken);
        }

        return load;
    }

    private static ProcessPeak Peak(MeasuredProcess process) => new(process.Name, PeakMemory.ReadBytes(process.Pid));

    private static string Describe(LoadSettings settings) =>
        $"{settings.Connections} connections × 1 request in flight, {settings.WarmUp.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured, loopback";

    /// <summary>Exit code 0 only when no request failed, so scripts can trust a zero.</summary>
    private int Report(IReadOnlyList<IReadOnlyList<ScenarioMeasurement>> runs)
    {
        var failures = runs.SelectMany(run => run)
            .Where(row => row.Load.HttpErrors > 0 || row.Load.GrpcProbe is { Failed: > 0 })
            .ToList();
        foreach (var row in failures)
        {
            progress.Step($"{row.Scenario}: {row.Load.HttpErrors} errors, first: {row.Load.FirstFailure ?? row.Load.GrpcProbe?.FirstFailure ?? "none recorded"}");
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
