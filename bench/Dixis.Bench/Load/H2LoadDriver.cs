using System.Globalization;
using Dixis.Bench.Processes;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench.Load;

/// <summary>
/// Drives a gRPC scenario with h2load and reads its per-request log (<c>--log-file</c>), so that
/// p50/p99 are exact percentiles of every request in the measured window, not derived from a mean. The CPU time of
/// the <c>measured</c> processes is read when the warm-up ends and when the window ends.
/// </summary>
public sealed class H2LoadDriver(string h2loadPath, DirectoryInfo workDirectory, TimeProvider timeProvider)
{
    /// <param name="scenario">What to replay.</param>
    /// <param name="endpoint">Where.</param>
    /// <param name="settings">How hard and how long.</param>
    /// <param name="measured">The processes whose CPU time is read over the measured window.</param>
    /// <param name="atMeasuredWindow">Called when the warm-up is over (h2load measures from then on), e.g. to scrape a service's metrics.</param>
    /// <param name="cancellationToken">Stops h2load.</param>
    public async Task<LoadResult> RunAsync(
        Scenario scenario, Uri endpoint, LoadSettings settings, IReadOnlyList<MeasuredProcess> measured, Func<CancellationToken, Task>? atMeasuredWindow, CancellationToken cancellationToken)
    {
        var bodyFile = Path.Combine(workDirectory.FullName, $"{scenario.Name}.body");
        var logFile = Path.Combine(workDirectory.FullName, $"{scenario.Name}.h2load.log");
        await File.WriteAllBytesAsync(bodyFile, scenario.Body.ToArray(), cancellationToken);
        File.Delete(logFile);

        var url = new Uri(endpoint, scenario.Path);
        List<string> arguments =
        [
            "--duration", Seconds(settings.Duration),
            "--warm-up-time", Seconds(settings.WarmUp),
            "--clients", settings.Connections.ToString(CultureInfo.InvariantCulture),
            "--max-concurrent-streams", "1",
            "--threads", "1",
            "--log-file", logFile,
            "--data", bodyFile,
            "--header", "content-type: application/grpc",
            "--header", "te: trailers",
        ];
        foreach (var (name, value) in scenario.Headers)
        {
            arguments.Add("--header");
            arguments.Add($"{name}: {value}");
        }

        arguments.Add(url.ToString());

        var timeLimit = settings.Duration + settings.WarmUp + TimeSpan.FromSeconds(60);
        var run = ExternalTool.RunAsync(h2loadPath, arguments, timeLimit, cancellationToken);

        // h2load has no hook of its own and counts nothing during its warm-up: the measured window (CPU, service
        // metrics) starts one warm-up after it starts (it connects first, in a few ms).
        await Task.WhenAny(run, Task.Delay(settings.WarmUp, timeProvider, cancellationToken));
        var cpu = CpuWindow.Start(measured);
        if (atMeasuredWindow is not null && !run.IsCompleted)
        {
            await atMeasuredWindow(cancellationToken);
        }

        var output = await run;
        if (output.ExitCode != 0)
        {
            throw new BenchFailedException($"h2load against {url} exited with {output.ExitCode}: {output.StandardError.Trim()}");
        }

        var load = await ReadLogAsync(logFile, url, settings.Duration, output, cancellationToken);
        return load with { Cpu = cpu.Stop(load.Requests) };
    }

    private static async Task<LoadResult> ReadLogAsync(string logFile, Uri url, TimeSpan duration, ToolOutput output, CancellationToken cancellationToken)
    {
        var latencies = new List<long>();
        long requests = 0;
        long errors = 0;
        int? firstBadStatus = null;
        if (File.Exists(logFile))
        {
            // Each row: start time (µs since epoch) TAB HTTP status (-1: stream failed) TAB µs until end of response.
            foreach (var line in await File.ReadAllLinesAsync(logFile, cancellationToken))
            {
                var columns = line.Split('\t');
                if (columns.Length < 3)
                {
                    continue;
                }

                requests++;
                var status = int.Parse(columns[1], CultureInfo.InvariantCulture);
                if (status is >= 200 and < 300)
                {
                    latencies.Add(long.Parse(columns[2], CultureInfo.InvariantCulture));
                }
                else
                {
                    errors++;
                    firstBadStatus ??= status;
                }
            }
        }

        if (latencies.Count == 0)
        {
            var reason = firstBadStatus is { } status ? $"every request failed (first HTTP status {status}; -1 means the stream failed)" : "no request completed";
            throw new BenchFailedException($"h2load against {url}: {reason}. Its report:\n{output.StandardOutput.Trim()}");
        }

        latencies.Sort();
        return new LoadResult(
            requests,
            requests / duration.TotalSeconds,
            Percentiles.NearestRank(latencies, 50) / 1000.0,
            Percentiles.NearestRank(latencies, 99) / 1000.0,
            errors,
            GrpcProbe: null);
    }

    private static string Seconds(TimeSpan span) => ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
