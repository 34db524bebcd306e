namespace Dixis.Catalog.Loading;

/// <summary>
/// How long each call to the catalog may take: every outgoing call has a deadline, and an import's grows with its
/// rows so that a million rows are not cut off while ten rows do not hang for hours.
/// </summary>
public static class CallDeadlines
{
    public static readonly TimeSpan Unary = TimeSpan.FromSeconds(30);

    /// <summary>Five minutes plus 10 ms a row: allows an import as slow as 100 rows/s.</summary>
    public static TimeSpan Import(long rows) => TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(10 * Math.Max(rows, 0));
}
