namespace Dixis.Bench.Catalog;

/// <summary>What loading the catalog to <c>--products N</c> took, for the report.</summary>
/// <param name="Products">Products asked for.</param>
/// <param name="Received">Rows the catalog received.</param>
/// <param name="Created">Products created.</param>
/// <param name="Updated">Products updated (an earlier load's).</param>
/// <param name="Failed">Rows rejected.</param>
/// <param name="ImportTime">From the first row sent to the catalog's answer.</param>
/// <param name="ProducersCreated">Demo producers created before the import.</param>
/// <param name="TotalTime">Producers, categories and import.</param>
/// <param name="FirstError">The first row error, to explain failed rows.</param>
public sealed record CatalogLoadFigures(
    int Products, long Received, long Created, long Updated, long Failed, TimeSpan ImportTime, int ProducersCreated, TimeSpan TotalTime, string? FirstError)
{
    /// <summary>Catalog's peak RSS from its start to the end of the load (null when it could not be read).</summary>
    public long? CatalogPeakBytes { get; init; }

    public double RowsPerSecond => ImportTime > TimeSpan.Zero ? Received / ImportTime.TotalSeconds : 0;
}
