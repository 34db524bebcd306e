using System.Globalization;
using Dixis.Bench.Catalog;

namespace Dixis.Bench.Reporting;

/// <summary>Search index rebuilds, one row per run, with the median when there were several.</summary>
public static class RebuildTable
{
    public static void Write(TextWriter writer, IReadOnlyList<RebuildFigures> runs)
    {
        writer.WriteLine();
        writer.WriteLine("catalog.rebuild: RebuildSearchIndex, then GetSearchIndex until ready");
        writer.WriteLine();
        writer.WriteLine("| run | products | indexed | rebuild s (service) | wall s | catalog peak RSS MB |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var run = 0; run < runs.Count; run++)
        {
            Row(writer, (run + 1).ToString(CultureInfo.InvariantCulture), runs[run]);
        }

        if (runs.Count > 1)
        {
            var median = new RebuildFigures(
                runs[0].ProductCount,
                runs[0].DocumentCount,
                TimeSpan.FromSeconds(Load.Percentiles.Median(runs.Select(r => r.ServiceDuration.TotalSeconds))),
                TimeSpan.FromSeconds(Load.Percentiles.Median(runs.Select(r => r.WallTime.TotalSeconds))),
                runs.Select(r => r.CatalogPeakBytes).Max());
            Row(writer, "median (peak: max)", median);
        }
    }

    private static void Row(TextWriter writer, string run, RebuildFigures figures) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {figures.ProductCount:N0} | {figures.DocumentCount:N0} | {figures.ServiceDuration.TotalSeconds:0.0} | {figures.WallTime.TotalSeconds:0.0} | {(figures.CatalogPeakBytes is { } bytes ? (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) : "?")} |"));
}
