namespace Dixis.Catalog.Search.Lucene;

/// <summary>The counts of one facet's values across segments, with the label first seen for each value.</summary>
internal sealed class FacetValueCounts
{
    private readonly Dictionary<string, (long Count, IReadOnlyDictionary<string, string>? Label)> values = new(StringComparer.Ordinal);

    public void Add(string value, long count, IReadOnlyDictionary<string, string>? label)
    {
        values[value] = values.TryGetValue(value, out var known) ? (known.Count + count, known.Label) : (count, label);
    }

    /// <summary>The <paramref name="max"/> largest counts, largest first, ties by value so pages of facets are stable.</summary>
    public IReadOnlyList<SearchFacetBucket> Largest(int max) =>
        values
            .OrderByDescending(entry => entry.Value.Count)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(entry => new SearchFacetBucket(entry.Key, entry.Value.Count, entry.Value.Label))
            .ToList();
}
