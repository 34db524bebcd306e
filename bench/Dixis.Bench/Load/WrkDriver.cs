using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dixis.Bench.Processes;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench.Load;

/// <summary>
/// Drives a JSON scenario with wrk (HTTP/1.1, keep-alive). wrk records every request's latency
/// and prints exact percentiles with <c>--latency</c>; non-2xx/3xx answers and socket errors are its errors.
/// </summary>
public sealed partial class WrkDriver(string wrkPath, DirectoryInfo workDirectory)
{
    /// <param name="scenario">What to replay.</param>
    /// <param name="endpoint">Where.</param>
    /// <param name="settings">How hard and how long.</param>
    /// <param name="measured">The processes whose CPU time is read over the measured run.</param>
    /// <param name="atMeasuredWindow">Called between the warm-up run and the measured run, e.g. to scrape a service's metrics.</param>
    /// <param name="cancellationToken">Stops wrk.</param>
    public async Task<LoadResult> RunAsync(
        Scenario scenario, Uri endpoint, LoadSettings settings, IReadOnlyList<MeasuredProcess> measured, Func<CancellationToken, Task>? atMeasuredWindow, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint, scenario.Path);
        var script = await WriteScriptAsync(scenario, cancellationToken);

        // wrk has no warm-up phase of its own: a first, discarded run does that job.
        await RunWrkAsync(url, script, settings.Connections, settings.WarmUp, cancellationToken);
        if (atMeasuredWindow is not null)
        {
            await atMeasuredWindow(cancellationToken);
        }

        var cpu = CpuWindow.Start(measured);
        var output = await RunWrkAsync(url, script, settings.Connections, settings.Duration, cancellationToken);
        var load = Parse(output.StandardOutput, url);
        return load with { Cpu = cpu.Stop(load.Requests) };
    }

    private async Task<ToolOutput> RunWrkAsync(Uri url, string script, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--threads", "1",
            "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--duration", $"{(int)duration.TotalSeconds}s",
            "--latency",
            "--script", script,
            url.ToString(),
        ];
        var output = await ExternalTool.RunAsync(wrkPath, arguments, duration + TimeSpan.FromSeconds(60), cancellationToken);
        if (output.ExitCode != 0)
        {
            throw new BenchFailedException($"wrk against {url} exited with {output.ExitCode}: {output.StandardError.Trim()}");
        }

        return output;
    }

    /// <summary>The method, body and headers of the request, as the Lua script wrk reads them from.</summary>
    private async Task<string> WriteScriptAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var lua = new StringBuilder();
        lua.Append("wrk.method = ").AppendLine(LuaString(Encoding.UTF8.GetBytes(scenario.Method)));
        if (!scenario.Body.IsEmpty)
        {
            lua.Append("wrk.body = ").AppendLine(LuaString(scenario.Body.Span));
            lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
        }

        foreach (var (name, value) in scenario.Headers)
        {
            lua.Append("wrk.headers[").Append(LuaString(Encoding.UTF8.GetBytes(name))).Append("] = ")
                .AppendLine(LuaString(Encoding.UTF8.GetBytes(value)));
        }

        var path = Path.Combine(workDirectory.FullName, $"{scenario.Name}.wrk.lua");
        await File.WriteAllTextAsync(path, lua.ToString(), cancellationToken);
        return path;
    }

    /// <summary>A Lua string literal with every byte escaped, so no body can break out of it.</summary>
    private static string LuaString(ReadOnlySpan<byte> bytes)
    {
        var literal = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            literal.Append('\\').Append(b.ToString("000", CultureInfo.InvariantCulture));
        }

        return literal.Append('"').ToString();
    }

    private static LoadResult Parse(string report, Uri url)
    {
        var requests = RequestsLine().Match(report);
        var rate = RateLine().Match(report);
        var p50 = PercentileLine("50").Match(report);
        var p99 = PercentileLine("99").Match(report);
        if (!requests.Success || !rate.Success || !p50.Success || !p99.Success)
        {
            throw new BenchFailedException($"wrk against {url} printed a report the harness cannot read:\n{report.Trim()}");
        }

        long errors = 0;
        var non2xx = Non2xxLine().Match(report);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var socket = SocketErrorsLine().Match(report);
        if (socket.Success)
        {
            errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        }

        var completed = long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture);
        if (completed == 0 || errors >= completed)
        {
            throw new BenchFailedException($"wrk against {url}: every request failed. Its report:\n{report.Trim()}");
        }

        return new LoadResult(
            completed,
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(p50),
            Milliseconds(p99),
            errors,
            GrpcProbe: null);
    }

    private static double Milliseconds(Match percentile)
    {
        var value = double.Parse(percentile.Groups[1].Value, CultureInfo.InvariantCulture);
        return percentile.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new BenchFailedException($"wrk printed a latency unit the harness does not know: '{unit}'."),
        };
    }

    private static Regex PercentileLine(string percent) =>
        new($@"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
