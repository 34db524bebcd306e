using System.Buffers;
using Dixis.Contracts.Catalog.V1;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Counts facets over every document the search collects (all matches of text and filters, not just the page):
/// category, producer, each attribute key present, and price buckets when bounds are given. Lucene.Net.Facet is not
/// available from the package feed; counting segment ordinals from <see cref="SegmentColumns"/> is as fast anyway.
/// </summary>
internal sealed class FacetCountingCollector(SegmentColumnsCache cache, IReadOnlyList<long> priceBucketBounds) : ICollector
{
    private readonly FacetValueCounts categories = new();
    private readonly FacetValueCounts producers = new();
    private readonly SortedDictionary<string, FacetValueCounts> attributes = new(StringComparer.Ordinal);
    private readonly PriceBucketCounter? prices = priceBucketBounds is { Count: > 0 } ? new PriceBucketCounter(priceBucketBounds) : null;

    private SegmentColumns? segment;
    private int[] categoryCounts = [];
    private int[] producerCounts = [];
    private int[] attributeCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        segment = cache.For(context.AtomicReader);
        categoryCounts = Rent(segment.Categories.Length);
        producerCounts = Rent(segment.Producers.Length);
        attributeCounts = Rent(segment.Attributes.Length);
    }

    public void Collect(int doc)
    {
        var columns = segment!;
        var category = columns.CategoryOrdinals[doc];
        if (category >= 0)
        {
            categoryCounts[category]++;
        }

        var producer = columns.ProducerOrdinals[doc];
        if (producer >= 0)
        {
            producerCounts[producer]++;
        }

        var ordinals = columns.AttributeOrdinals;
        for (int index = columns.AttributeStarts[doc], end = columns.AttributeStarts[doc + 1]; index < end; index++)
        {
            attributeCounts[ordinals[index]]++;
        }

        prices?.Count(columns.MinPrices[doc]);
    }

    /// <summary>The facets with at most <paramref name="maxValues"/> values each; facets without values are left out. Call once, after the search.</summary>
    public IReadOnlyList<SearchFacet> ToFacets(int maxValues)
    {
        FlushSegment();
        var facets = new List<SearchFacet>(2 + attributes.Count + 1);
        Add(facets, new SearchFacet(FacetKind.Category, AttributeKey: null, categories.Largest(maxValues)));
        Add(facets, new SearchFacet(FacetKind.Producer, AttributeKey: null, producers.Largest(maxValues)));
        foreach (var (key, values) in attributes)
        {
            Add(facets, new SearchFacet(FacetKind.Attribute, key, values.Largest(maxValues)));
        }

        if (prices is not null)
        {
            // Every bucket is kept: the caller chose the bounds, and buckets read in price order, not by count.
            Add(facets, new SearchFacet(FacetKind.Price, AttributeKey: null, prices.Buckets()));
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

    private static int[] Rent(int size)
    {
        if (size == 0)
        {
            return [];
        }

        var counts = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(counts, 0, size);
        return counts;
    }

    private static void Return(int[] counts)
    {
        if (counts.Length > 0)
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Ordinals mean nothing across segments, so each segment's counts are merged by value when it is done.</summary>
    private void FlushSegment()
    {
        if (segment is null)
        {
            return;
        }

        for (var ordinal = 0; ordinal < segment.Categories.Length; ordinal++)
        {
            if (categoryCounts[ordinal] > 0)
            {
                categories.Add(segment.Categories[ordinal].Value, categoryCounts[ordinal], segment.Categories[ordinal].Label);
            }
        }

        for (var ordinal = 0; ordinal < segment.Producers.Length; ordinal++)
        {
            if (producerCounts[ordinal] > 0)
            {
                producers.Add(segment.Producers[ordinal].Value, producerCounts[ordinal], segment.Producers[ordinal].Label);
            }
        }

        for (var ordinal = 0; ordinal < segment.Attributes.Length; ordinal++)
        {
            if (attributeCounts[ordinal] > 0)
            {
                var attribute = segment.Attributes[ordinal];
                if (!attributes.TryGetValue(attribute.Key, out var values))
                {
                    values = new FacetValueCounts();
                    attributes.Add(attribute.Key, values);
                }

                values.Add(attribute.Value, attributeCounts[ordinal], attribute.Label);
            }
        }

        Return(categoryCounts);
        Return(producerCounts);
        Return(attributeCounts);
        categoryCounts = producerCounts = attributeCounts = [];
        segment = null;
    }
}
