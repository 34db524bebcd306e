using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>The embedded Lucene.Net product index (configuration section <c>Catalog:Search:Lucene</c>), validated at start.</summary>
public sealed class LuceneSearchOptions
{
    public const string SectionName = "Catalog:Search:Lucene";

    /// <summary>
    /// The folder that holds the index (one sub-folder per build, plus a pointer to the active one).
    /// Default: <c>&lt;ContentRootPath&gt;/.data/search</c>; a relative path is taken relative to the content root.
    /// </summary>
    [Required(ErrorMessage = "Catalog:Search:Lucene:IndexDirectory must name a directory.")]
    public string? IndexDirectory { get; set; }

    /// <summary>
    /// How much memory a writer buffers before it flushes a segment. A rebuild runs a second writer next to
    /// the live one, so up to twice this is in use while it runs; larger buffers make rebuilds faster.
    /// </summary>
    [Range(1, 1024, ErrorMessage = "Catalog:Search:Lucene:RamBufferSizeMb must be between 1 and 1024.")]
    public double RamBufferSizeMb { get; set; } = 32;
}
