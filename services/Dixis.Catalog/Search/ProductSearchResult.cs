using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Search;

/// <summary>One page of a search.</summary>
/// <param name="Hits">The page's products, in the query's order.</param>
/// <param name="TotalCount">Every match of the query and filters (all pages).</param>
/// <param name="NextCursor">Where the next page starts (opaque to everyone but the engine); null on the last page.</param>
/// <param name="Facets">Counts over every match, when asked: category, producer, each attribute key present, price.</param>
public sealed record ProductSearchResult(
    IReadOnlyList<ProductSummary> Hits,
    long TotalCount,
    string? NextCursor,
    IReadOnlyList<SearchFacet> Facets);
