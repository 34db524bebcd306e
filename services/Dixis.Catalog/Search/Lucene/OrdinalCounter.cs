using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Counts the values of one sorted (or sorted-set) doc-values field over collected documents. Counting is by
/// segment ordinal into a pooled array, the cheapest per-hit work there is; when a segment is done its non-zero
/// counts are handed to <c>merge</c> by term, because ordinals mean nothing across segments.
/// </summary>
internal sealed class OrdinalCounter(string field, bool multiValued, Action<BytesRef, int> merge)
{
    private readonly BytesRef scratch = new();
    private SortedDocValues singleValues = DocValues.EMPTY_SORTED;
    private SortedSetDocValues multiValues = DocValues.EMPTY_SORTED_SET;
    private int[] counts = [];
    private int size;

    public void SetNextReader(AtomicReader reader)
    {
        Flush();
        if (multiValued)
        {
            multiValues = reader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET;
            size = checked((int)multiValues.ValueCount);
        }
        else
        {
            singleValues = reader.GetSortedDocValues(field) ?? DocValues.EMPTY_SORTED;
            size = singleValues.ValueCount;
        }

        counts = size == 0 ? [] : ArrayPool<int>.Shared.Rent(size);
        Array.Clear(counts, 0, size);
    }

    public void Count(int doc)
    {
        if (multiValued)
        {
            multiValues.SetDocument(doc);
            long ordinal;
            while ((ordinal = multiValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ordinal]++;
            }
        }
        else
        {
            var ordinal = singleValues.GetOrd(doc);
            if (ordinal >= 0)
            {
                counts[ordinal]++;
            }
        }
    }

    /// <summary>Hands over the current segment's counts; call once after the last segment.</summary>
    public void Flush()
    {
        for (var ordinal = 0; ordinal < size; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                if (multiValued)
                {
                    multiValues.LookupOrd(ordinal, scratch);
                }
                else
                {
                    singleValues.LookupOrd(ordinal, scratch);
                }

                merge(scratch, counts[ordinal]);
            }
        }

        if (counts.Length > 0)
        {
            ArrayPool<int>.Shared.Return(counts);
        }

        counts = [];
        size = 0;
    }
}
