using System.Globalization;
using Dixis.Bench.Load;

namespace Dixis.Bench.Reporting;

/// <summary>Writes measurements as a fixed-width text table (also valid Markdown, to paste into notes).</summary>
public static class ResultTable
{
    private static readonly string[] Headings = ["scenario", "proto", "req/s", "p50 ms", "p99 ms", "errors", "grpc-status≠0", "vs echo", "CPU µs/req", "peak RSS MB"];

    /// <summary>Shown only when a row measured inside the service: p50/p99 from the service's own histogram.</summary>
    private static readonly string[] InServiceHeadings = ["svc p50 ms", "svc p99 ms"];

    /// <summary>Shown only when the scenario has a baseline measured in the same run (e.g. catalog.get for its signed-in twin).</summary>
    private static readonly string[] BaselineHeadings = ["vs baseline"];

    /// <summary>The per-process columns (CPU time, peak memory) list several values, so they are text.</summary>
    private const int CpuColumn = 8;
    private const int PeakColumn = 9;

    public static void Write(TextWriter writer, string title, IReadOnlyList<ScenarioMeasurement> rows)
    {
        var inService = rows.Any(row => row.InService is not null);
        var baseline = rows.Any(row => row.VersusBaseline is not null);
        string[] headings = [.. Headings, .. inService ? InServiceHeadings : Array.Empty<string>(), .. baseline ? BaselineHeadings : Array.Empty<string>()];
        var cells = rows
            .Select(row => (string[])[.. Cells(row), .. inService ? InServiceCells(row) : Array.Empty<string>(), .. baseline ? [BaselineCell(row)] : Array.Empty<string>()])
            .ToList();
        var widths = headings.Select((heading, column) => Math.Max(heading.Length, cells.Max(row => row[column].Length))).ToArray();

        writer.WriteLine();
        writer.WriteLine(title);
        writer.WriteLine();
        WriteRow(writer, headings, widths);
        WriteRow(writer, widths.Select((width, column) => IsText(column) ? new string('-', width) : new string('-', width - 1) + ":").ToArray(), widths);
        foreach (var row in cells)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static bool IsText(int column) => column is 0 or 1 or CpuColumn or PeakColumn;

    private static string[] InServiceCells(ScenarioMeasurement row) => row.InService is { } latency
        ? [latency.P50Milliseconds.ToString("0.00", CultureInfo.InvariantCulture), latency.P99Milliseconds.ToString("0.00", CultureInfo.InvariantCulture)]
        : ["–", "–"];

    private static string BaselineCell(ScenarioMeasurement row) =>
        row.VersusBaseline is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string[] Cells(ScenarioMeasurement row) =>
    [
        row.Scenario,
        row.Protocol,
        row.Load.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
        row.Load.P50Milliseconds.ToString("0.00", CultureInfo.InvariantCulture),
        row.Load.P99Milliseconds.ToString("0.00", CultureInfo.InvariantCulture),
        row.Load.HttpErrors.ToString(CultureInfo.InvariantCulture),
        Probe(row.Load.GrpcProbe),
        Ratio(row.VersusEcho),
        CpuPerRequest(row.Load.Cpu),
        string.Join(", ", row.PeakMemory.Select(p => $"{p.Name} {Megabytes(p.Bytes)}")),
    ];

    /// <summary>Two decimals; four below 0.01 (a login is a few thousandths of an echo), so that no figure reads 0.00.</summary>
    private static string Ratio(double ratio) =>
        ratio.ToString(ratio < 0.01 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);

    private static string Probe(GrpcProbeResult? probe) =>
        probe is null ? "n/a" : $"{probe.Failed}/{probe.Sent}";

    /// <summary>Processes that spent at least 1 µs per request; idle ones (other services) would only add noise.</summary>
    private static string CpuPerRequest(IReadOnlyList<ProcessCpu> cpu)
    {
        var busy = cpu.Where(p => p.MicrosecondsPerRequest is not < 1).ToList();
        return busy.Count == 0
            ? "–"
            : string.Join(", ", busy.Select(p => $"{p.Name} {(p.MicrosecondsPerRequest is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "?")}"));
    }

    private static string Megabytes(long? bytes) =>
        bytes is { } value ? (value / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) : "?";

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths)
    {
        var padded = cells.Select((cell, column) => IsText(column) ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
        writer.WriteLine($"| {string.Join(" | ", padded)} |");
    }
}
