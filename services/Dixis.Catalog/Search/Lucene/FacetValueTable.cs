namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Every value one facet dimension has had in this index, numbered once for all segments. Segment columns store these
/// numbers instead of segment ordinals, so a search counts into one array across segments and never merges per-segment
/// counts by string. Values are few (categories, producers, attribute values) and only added, never removed; a value's
/// label is the one most recently read, so a renamed producer shows its new name once its products are re-indexed.
/// </summary>
internal sealed class FacetValueTable
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string? Key, string Value), int> ordinals = [];
    private Entry[] entries = [];

    /// <summary>The values known now; a search reads this once, so values added meanwhile do not disturb it.</summary>
    public Entry[] Snapshot => Volatile.Read(ref entries);

    /// <summary>Numbers a segment's values (adding unknown ones, refreshing labels) and returns their numbers in the same order.</summary>
    public int[] Intern(IReadOnlyList<Entry> values)
    {
        var numbers = new int[values.Count];
        lock (gate)
        {
            var next = new List<Entry>(entries);
            for (var index = 0; index < values.Count; index++)
            {
                var value = values[index];
                if (ordinals.TryGetValue((value.Key, value.Value), out var known))
                {
                    next[known] = value;
                    numbers[index] = known;
                }
                else
                {
                    numbers[index] = next.Count;
                    ordinals.Add((value.Key, value.Value), next.Count);
                    next.Add(value);
                }
            }

            Volatile.Write(ref entries, [.. next]);
        }

        return numbers;
    }

    /// <summary>One facet value: the attribute key (null for categories and producers), the value, and how it is shown.</summary>
    internal sealed record Entry(string? Key, string Value, IReadOnlyDictionary<string, string>? Label);
}
