using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Search;

/// <summary>Counts of the matches by one dimension.</summary>
/// <param name="Kind">Category, producer, attribute or price.</param>
/// <param name="AttributeKey">For attribute facets, the key counted.</param>
/// <param name="Buckets">Values with counts, largest first; price buckets in ascending order, empty ones left out.</param>
public sealed record SearchFacet(FacetKind Kind, string? AttributeKey, IReadOnlyList<SearchFacetBucket> Buckets);
