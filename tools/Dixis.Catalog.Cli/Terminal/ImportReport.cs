using System.Globalization;
using Dixis.Catalog.Loading;

namespace Dixis.Catalog.Cli.Terminal;

/// <summary>The summary of an import on stdout: counts, rate and the first row errors.</summary>
public static class ImportReport
{
    public const int ErrorsShown = 20;

    public static void Write(TextWriter output, string requestId, ImportOutcome outcome)
    {
        var response = outcome.Response;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {requestId}: {outcome.RowsSent:N0} rows sent in {outcome.Elapsed.TotalSeconds:0.0} s ({outcome.RowsPerSecond:N0} rows/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"received {response.ReceivedCount:N0}, created {response.CreatedCount:N0}, updated {response.UpdatedCount:N0}, failed {response.FailedCount:N0}"));
        if (response.Errors.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first row errors ({Math.Min(ErrorsShown, response.Errors.Count)} of {response.FailedCount:N0} failed rows):"));
        foreach (var error in response.Errors.Take(ErrorsShown))
        {
            var slug = error.Slug.Length > 0 ? $" ({error.Slug})" : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  row {error.RowNumber}{slug}: {error.Field}: {error.Description} [{error.Reason}]"));
        }
    }
}
