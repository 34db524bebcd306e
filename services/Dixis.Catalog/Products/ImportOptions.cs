using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Products;

/// <summary>Bulk import settings (configuration section <c>Catalog:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Catalog:Import";

    /// <summary>Rows written per unit of work: larger batches import faster and hold the SQLite write lock longer.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 250;

    /// <summary>The most rows one import may send.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 1_000_000;
}
