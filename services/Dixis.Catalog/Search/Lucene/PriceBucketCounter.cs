using System.Globalization;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Counts collected products per price bucket of their cheapest variant. Bucket <c>i</c> holds prices from bound
/// <c>i-1</c> (inclusive) up to bound <c>i</c> (exclusive); the first has no lower end and the last no upper end.
/// </summary>
internal sealed class PriceBucketCounter
{
    private readonly long[] bounds;
    private readonly long[] counts;
    public PriceBucketCounter(IReadOnlyList<long> bounds)
    {
        this.bounds = [.. bounds];
        for (var index = 1; index < this.bounds.Length; index++)
        {
            if (this.bounds[index] <= this.bounds[index - 1])
            {
                throw new ArgumentException("Price bucket bounds must be strictly ascending.", nameof(bounds));
            }
        }

        counts = new long[this.bounds.Length + 1];
    }

    public void Count(long price)
    {
        // A handful of bounds: a linear scan beats a binary search's call and branches.
        var bucket = 0;
        while (bucket < bounds.Length && price >= bounds[bucket])
        {
            bucket++;
        }

        counts[bucket]++;
    }

    /// <summary>The non-empty buckets in ascending order, as <c>min-max</c> values (open ends empty).</summary>
    public IReadOnlyList<SearchFacetBucket> Buckets()
    {
        var buckets = new List<SearchFacetBucket>();
        for (var index = 0; index < counts.Length; index++)
        {
            if (counts[index] > 0)
            {
                var lower = index == 0 ? string.Empty : bounds[index - 1].ToString(CultureInfo.InvariantCulture);
                var upper = index == bounds.Length ? string.Empty : bounds[index].ToString(CultureInfo.InvariantCulture);
                buckets.Add(new SearchFacetBucket(lower + "-" + upper, counts[index], Label: null));
            }
        }

        return buckets;
    }
}
