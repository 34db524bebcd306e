using System.Globalization;
using Dixis.Bench.Catalog;

namespace Dixis.Bench.Reporting;

/// <summary>The <c>--products</c> load as a one-row table: what the import received, did and how fast.</summary>
public static class CatalogLoadTable
{
    public static void Write(TextWriter writer, CatalogLoadFigures load)
    {
        writer.WriteLine();
        writer.WriteLine("catalog load: ImportProducts straight to Catalog's grpc endpoint (demo producers first, no stock)");
        writer.WriteLine();
        writer.WriteLine("| products | received | created | updated | failed | import s | rows/s | producers created | total s | catalog peak RSS MB |");
        writer.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var peak = load.CatalogPeakBytes is { } bytes ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) : "–";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {load.Products:N0} | {load.Received:N0} | {load.Created:N0} | {load.Updated:N0} | {load.Failed:N0} | {load.ImportTime.TotalSeconds:0.0} | {load.RowsPerSecond:N0} | {load.ProducersCreated} | {load.TotalTime.TotalSeconds:0.0} | {peak} |"));
        if (load.FirstError is { } error)
        {
            writer.WriteLine();
            writer.WriteLine($"first rejected row: {error}");
        }
    }
}
