using Dixis.Bench.Cli;
using Dixis.Bench.Load;
using Dixis.Bench.Processes;
using Dixis.Bench.Reporting;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench;

/// <summary>
/// One <c>bench/run</c>: starts the echo server (and the platform when the scenario needs it), then for each run
/// measures the echo ceiling and the scenario back to back, prints the run's table, and finally the medians.
/// Every process it starts is stopped when it returns, throws or is cancelled.
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
            var h2load = new H2LoadDriver(h2loadPath, work);
            var later = new LoadSettings(arguments.Duration, arguments.WarmUp, arguments.Connections);
            var firstRun = later with { WarmUp = arguments.WarmUp * FirstRunWarmUpFactor };

            progress.Step("starting the echo server (Release)");
            await using var echo = await EchoServer.StartAsync(probe, timeProvider, cancellationToken);
            await using var platform = scenario.Target == ScenarioTarget.Platform
                ? await StartPlatformAsync(cancellationToken)
                : null;

            var runs = new List<IReadOnlyList<ScenarioMeasurement>>();
            for (var run = 1; run <= arguments.Runs; run++)
            {
                // Freshly started processes are still compiling hot paths (tiered JIT): the first run warms up longer.
                var settings = run == 1 ? firstRun : later;
                progress.Step($"run {run}/{arguments.Runs}: echo ceiling ({Describe(settings)})");
                var ceiling = await MeasureGrpcAsync(h2load, probe, ScenarioCatalog.Echo, echo.Endpoint, settings, [echo.Measured], cancellationToken);
                List<ScenarioMeasurement> rows = [new(ScenarioCatalog.Echo.Name, "grpc", ceiling, 1.0, [Peak(echo.Measured)])];

                if (platform is not null)
                {
                    progress.Step($"run {run}/{arguments.Runs}: {scenario.Name} ({Describe(settings)})");
                    var load = scenario.Protocol == ScenarioProtocol.Grpc
                        ? await MeasureGrpcAsync(h2load, probe, scenario, platform.Endpoint(scenario.Resource, "grpc"), settings, platform.Processes, cancellationToken)
                        : await new WrkDriver(wrkPath!, work).RunAsync(scenario, platform.Endpoint(scenario.Resource, "http"), settings, platform.Processes, cancellationToken);
                    rows.Add(new(
                        scenario.Name,
                        scenario.Protocol.ToString().ToLowerInvariant(),
                        load,
                        load.RequestsPerSecond / ceiling.RequestsPerSecond,
                        platform.Processes.Select(Peak).ToList()));
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

    private async Task<IPlatformUnderTest> StartPlatformAsync(CancellationToken cancellationToken)
    {
        var engines = arguments.UseInstalledEngines ? "Redis/MongoDB when installed" : "embedded SQLite and in-memory cache";
        progress.Step($"starting the platform through the AppHost (Release, {engines}); waiting until every resource is healthy");
        var platform = await AppHostPlatform.StartAsync(arguments.UseInstalledEngines, cancellationToken);
        progress.Step($"platform up: gateway grpc {platform.Endpoint("gateway", "grpc")}, http {platform.Endpoint("gateway", "http")}; processes: {string.Join(", ", platform.Processes.Select(p => $"{p.Name} ({p.Pid})"))}");
        return platform;
    }

    private static async Task<LoadResult> MeasureGrpcAsync(
        H2LoadDriver h2load,
        GrpcStatusProbe probe,
        Scenario scenario,
        Uri endpoint,
        LoadSettings settings,
        IReadOnlyList<MeasuredProcess> measured,
        CancellationToken cancellationToken)
    {
        var load = await h2load.RunAsync(scenario, endpoint, settings, measured, cancellationToken);
        return load with { GrpcProbe = await probe.SampleAsync(scenario, endpoint, cancellationToken) };
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
            progress.Step($"{row.Scenario}: {row.Load.HttpErrors} HTTP errors, gRPC probe: {row.Load.GrpcProbe?.FirstFailure ?? "ok"}");
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
