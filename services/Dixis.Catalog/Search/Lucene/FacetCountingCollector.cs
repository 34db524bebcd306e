using Dixis.Contracts.Catalog.V1;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Counts facets over every document the search collects (all matches of text and filters, not just the page),
/// from doc values: category, producer, each attribute key present, and price buckets when bounds are given.
/// Lucene.Net.Facet is not available from the package feed, and counting ordinals here is as fast as it would be.
/// </summary>
internal sealed class FacetCountingCollector : ICollector
{
    private readonly FacetValueCounts categories = new();
    private readonly FacetValueCounts producers = new();
    private readonly SortedDictionary<string, FacetValueCounts> attributes = new(StringComparer.Ordinal);
    private readonly OrdinalCounter categoryCounter;
    private readonly OrdinalCounter producerCounter;
    private readonly OrdinalCounter attributeCounter;
    private readonly PriceBucketCounter? priceCounter;

    /// <param name="priceBucketBounds">Exclusive upper bounds of the price buckets; none for no price facet.</param>
    /// <param name="producerNameLanguage">The language a producer's trading name is labelled in (the market default: a trading name is not translated).</param>
    public FacetCountingCollector(IReadOnlyList<long> priceBucketBounds, string producerNameLanguage)
    {
        categoryCounter = new OrdinalCounter(ProductFields.CategoryFacet, multiValued: false, (term, count) =>
        {
            var parts = FacetTerm.Decode(term);
            categories.Add(parts[0], count, () => FacetTerm.Label(parts, 1));
        });
        producerCounter = new OrdinalCounter(ProductFields.ProducerFacet, multiValued: false, (term, count) =>
        {
            var parts = FacetTerm.Decode(term);
            producers.Add(parts[0], count, () => parts.Length > 1 && parts[1].Length > 0 ? new Dictionary<string, string> { [producerNameLanguage] = parts[1] } : null);
        });
        attributeCounter = new OrdinalCounter(ProductFields.AttributeFacet, multiValued: true, MergeAttribute);
        priceCounter = priceBucketBounds is { Count: > 0 } ? new PriceBucketCounter(priceBucketBounds) : null;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        categoryCounter.SetNextReader(reader);
        producerCounter.SetNextReader(reader);
        attributeCounter.SetNextReader(reader);
        priceCounter?.SetNextReader(reader);
    }

    public void Collect(int doc)
    {
        categoryCounter.Count(doc);
        producerCounter.Count(doc);
        attributeCounter.Count(doc);
        priceCounter?.Count(doc);
    }

    /// <summary>The facets with at most <paramref name="maxValues"/> values each; facets without values are left out. Call once, after the search.</summary>
    public IReadOnlyList<SearchFacet> ToFacets(int maxValues)
    {
        categoryCounter.Flush();
        producerCounter.Flush();
        attributeCounter.Flush();

        var facets = new List<SearchFacet>(2 + attributes.Count + 1);
        Add(facets, new SearchFacet(FacetKind.Category, AttributeKey: null, categories.Largest(maxValues)));
        Add(facets, new SearchFacet(FacetKind.Producer, AttributeKey: null, producers.Largest(maxValues)));
        foreach (var (key, values) in attributes)
        {
            Add(facets, new SearchFacet(FacetKind.Attribute, key, values.Largest(maxValues)));
        }

        if (priceCounter is not null)
        {
            // Every bucket is kept: the caller chose the bounds, and buckets read in price order, not by count.
            Add(facets, new SearchFacet(FacetKind.Price, AttributeKey: null, priceCounter.Buckets()));
        }

        return facets;
    }

    private static void Add(List<SearchFacet> facets, SearchFacet facet)
    {
        if (facet.Buckets.Count > 0)
        {
            facets.Add(facet);
        }
    }

    private void MergeAttribute(BytesRef term, int count)
    {
        var parts = FacetTerm.Decode(term);
        if (!attributes.TryGetValue(parts[0], out var values))
        {
            values = new FacetValueCounts();
            attributes.Add(parts[0], values);
        }

        values.Add(parts[1], count, () => FacetTerm.Label(parts, 2));
    }
}
