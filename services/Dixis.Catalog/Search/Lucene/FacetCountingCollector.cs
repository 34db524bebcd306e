using Dixis.Contracts.Catalog.V1;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Counts facets over every document the search collects (all matches of text and filters, not just the page):
/// category, producer, each attribute key present, and price buckets when bounds are given. Lucene.Net.Facet is not
/// available from the package feed; counting the numbers of <see cref="SegmentColumns"/> is as fast anyway: one array
/// increment per value per match, into arrays shared by all segments.
/// </summary>
internal sealed class FacetCountingCollector(SegmentColumnsCache cache, IReadOnlyList<long> priceBucketBounds) : ICollector
{
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
        segment = cache.For(context.AtomicReader);

        // Reading a new segment may have numbered new values: the arrays grow to hold them.
        Fit(ref categoryCounts, cache.Categories.Snapshot.Length);
        Fit(ref producerCounts, cache.Producers.Snapshot.Length);
        Fit(ref attributeCounts, cache.Attributes.Snapshot.Length);
    }

    public void Collect(int doc)
    {
        var columns = segment!;
        ref readonly var facets = ref columns.Facets[doc];
        if (facets.Category >= 0)
        {
            categoryCounts[facets.Category]++;
        }

        if (facets.Producer >= 0)
        {
            producerCounts[facets.Producer]++;
        }

        // Attribute numbers fill the inline slots in order: the first -1 ends them.
        if (facets.Attribute0 >= 0)
        {
            attributeCounts[facets.Attribute0]++;
            if (facets.Attribute1 >= 0)
            {
                attributeCounts[facets.Attribute1]++;
                if (facets.Attribute2 >= 0)
                {
                    attributeCounts[facets.Attribute2]++;
                    if (facets.MoreAttributesStart >= 0)
                    {
                        CountMoreAttributes(columns, doc, facets.MoreAttributesStart);
                    }
                }
            }
        }

        prices?.Count(facets.MinPrice);
    }

    private void CountMoreAttributes(SegmentColumns columns, int doc, int start)
    {
        foreach (var attribute in columns.AttributeOrdinals.AsSpan(start..columns.AttributeStarts[doc + 1]))
        {
            attributeCounts[attribute]++;
        }
    }

    /// <summary>The facets with at most <paramref name="maxValues"/> values each; facets without values are left out. Call once, after the search.</summary>
    public IReadOnlyList<SearchFacet> ToFacets(int maxValues)
    {
        var facets = new List<SearchFacet>();
        Add(facets, FacetKind.Category, attributeKey: null, Largest(categoryCounts, cache.Categories.Snapshot, key: null, maxValues));
        Add(facets, FacetKind.Producer, attributeKey: null, Largest(producerCounts, cache.Producers.Snapshot, key: null, maxValues));
        var attributes = cache.Attributes.Snapshot;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < attributeCounts.Length; ordinal++)
        {
            if (attributeCounts[ordinal] > 0)
            {
                keys.Add(attributes[ordinal].Key!);
            }
        }

        foreach (var key in keys)
        {
            Add(facets, FacetKind.Attribute, key, Largest(attributeCounts, attributes, key, maxValues));
        }

        if (prices is not null)
        {
            // Every bucket is kept: the caller chose the bounds, and buckets read in price order, not by count.
            Add(facets, FacetKind.Price, attributeKey: null, prices.Buckets());
        }

        return facets;
    }

    private static void Fit(ref int[] counts, int length)
    {
        if (counts.Length < length)
        {
            Array.Resize(ref counts, length);
        }
    }

    /// <summary>
    /// The <paramref name="max"/> largest counts (of one attribute key, when given), largest first, ties by value so that
    /// facets are stable from page to page. Kept in a small sorted list: most values fall below its end and cost one comparison.
    /// </summary>
    private static List<SearchFacetBucket> Largest(int[] counts, FacetValueTable.Entry[] entries, string? key, int max)
    {
        var top = new List<int>(Math.Min(max, 32));
        for (var ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            if (counts[ordinal] == 0 || (key is not null && !string.Equals(entries[ordinal].Key, key, StringComparison.Ordinal)))
            {
                continue;
            }

            if (top.Count == max && !Precedes(ordinal, top[^1], counts, entries))
            {
                continue;
            }

            var position = top.Count;
            while (position > 0 && Precedes(ordinal, top[position - 1], counts, entries))
            {
                position--;
            }

            top.Insert(position, ordinal);
            if (top.Count > max)
            {
                top.RemoveAt(max);
            }
        }

        var buckets = new List<SearchFacetBucket>(top.Count);
        foreach (var ordinal in top)
        {
            buckets.Add(new SearchFacetBucket(entries[ordinal].Value, counts[ordinal], entries[ordinal].Label));
        }

        return buckets;
    }

    private static bool Precedes(int ordinal, int other, int[] counts, FacetValueTable.Entry[] entries) =>
        counts[ordinal] != counts[other]
            ? counts[ordinal] > counts[other]
            : string.CompareOrdinal(entries[ordinal].Value, entries[other].Value) < 0;

    private static void Add(List<SearchFacet> facets, FacetKind kind, string? attributeKey, IReadOnlyList<SearchFacetBucket> buckets)
    {
        if (buckets.Count > 0)
        {
            facets.Add(new SearchFacet(kind, attributeKey, buckets));
        }
    }
}
