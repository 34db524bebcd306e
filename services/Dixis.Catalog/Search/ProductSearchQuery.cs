namespace Dixis.Catalog.Search;

/// <summary>
/// A validated search, engine-neutral. <see cref="Text"/> is the user's plain text (never query syntax);
/// every filter narrows the matches (AND); values of one attribute key are alternatives (OR).
/// </summary>
public sealed record ProductSearchQuery
{
    /// <summary>The words to find; empty matches every product.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary><c>el</c> or <c>en</c> to analyse and match in that language only; null for both.</summary>
    public string? Language { get; init; }

    /// <summary>Only products in this category or below it.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Only products of these producers (any of them); empty for all.</summary>
    public IReadOnlyList<string> ProducerIds { get; init; } = [];

    /// <summary>Only products with a variant priced at least this (minor units).</summary>
    public long? MinPriceMinor { get; init; }

    /// <summary>Only products with a variant priced at most this (minor units); with <see cref="MinPriceMinor"/>, one variant must be within both.</summary>
    public long? MaxPriceMinor { get; init; }

    /// <summary>Attribute key → accepted values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AttributeFilters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Only products with a variant in stock.</summary>
    public bool InStockOnly { get; init; }

    /// <summary>The order of results (already resolved from "unspecified").</summary>
    public ProductSearchSort Sort { get; init; } = ProductSearchSort.Relevance;

    /// <summary>How many hits to return, 1 to 100.</summary>
    public int PageSize { get; init; } = 24;

    /// <summary>The engine's <see cref="ProductSearchResult.NextCursor"/> of the previous page, or null for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Whether to count facets over every match.</summary>
    public bool IncludeFacets { get; init; }

    /// <summary>Upper bounds (exclusive, minor units, ascending) of the price facet's buckets; the last bucket is open-ended.</summary>
    public IReadOnlyList<long> PriceBucketBounds { get; init; } = [];

    /// <summary>At most this many values per facet (largest counts first).</summary>
    public int MaxFacetValues { get; init; } = 20;
}
