using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The tie-breaker of every sort: product ids in ordinal order, read from <see cref="SegmentColumns"/>. Ties are common
/// (equal prices, an empty text where every score is equal), so this comparer runs for many hits and must be cheap.
/// Within a segment it compares the ids' ordinals (<see cref="SegmentColumns.IdOrdinals"/>), as Lucene's
/// <c>TermOrdValComparator</c> does: two integers side by side instead of two strings scattered over the heap that
/// share a long prefix. Ids of different segments are compared as strings, which gives the same order.
/// </summary>
internal sealed class ProductIdComparer(int slotCount, SegmentColumnsCache cache) : FieldComparer<string>
{
    /// <summary>Each slot's id, which becomes the hit's sort value (the cursor, the order across segments).</summary>
    private readonly string[] slots = new string[slotCount];

    private readonly int[] slotOrdinals = new int[slotCount];

    /// <summary>
    /// The segment each slot's ordinal belongs to, numbered in the order this search reads them (from 1): an ordinal
    /// means something only among its own segment's ids. A number rather than the segment's columns, so that copying a
    /// hit into a slot writes no further reference.
    /// </summary>
    private readonly int[] slotSegments = new int[slotCount];

    private string[] values = [];
    private int[] ordinals = [];
    private int segment;

    private string bottom = string.Empty;
    private int bottomOrdinal;
    private int bottomSegment;

    /// <summary>The id the page continues after (the cursor's), as the term it is indexed as; null on a first page.</summary>
    private BytesRef? top;

    /// <summary>
    /// The top's place in the current segment: its ordinal when <see cref="topInSegment"/>, otherwise the ordinal of
    /// the greatest id below it (-1 when there is none), so that it falls between two ordinals and equals neither.
    /// </summary>
    private int topOrdinal;

    private bool topInSegment;

    public override string this[int slot] => slots[slot];

    public override int Compare(int slot1, int slot2) => slotSegments[slot1] == slotSegments[slot2]
        ? slotOrdinals[slot1].CompareTo(slotOrdinals[slot2])
        : string.CompareOrdinal(slots[slot1], slots[slot2]);

    public override void SetBottom(int slot)
    {
        bottom = slots[slot];
        bottomOrdinal = slotOrdinals[slot];
        bottomSegment = slotSegments[slot];
    }

    /// <summary>Called before the first segment is read (the paging collector sets it on creation).</summary>
    public override void SetTopValue(string value)
    {
        top = new BytesRef(value);
    }

    public override int CompareBottom(int doc) => bottomSegment == segment
        ? bottomOrdinal.CompareTo(ordinals[doc])
        : string.CompareOrdinal(bottom, values[doc]);

    public override int CompareTop(int doc)
    {
        var ordinal = ordinals[doc];
        if (topInSegment)
        {
            return topOrdinal.CompareTo(ordinal);
        }

        return topOrdinal >= ordinal ? 1 : -1;
    }

    public override void Copy(int slot, int doc)
    {
        slots[slot] = values[doc];
        slotOrdinals[slot] = ordinals[doc];
        slotSegments[slot] = segment;
    }

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        var columns = cache.For(context.AtomicReader);
        values = columns.Ids;
        ordinals = columns.IdOrdinals;
        segment++;
        if (top is not null)
        {
            // Once per segment and search, rather than a string comparison per hit after the cursor.
            var found = (context.AtomicReader.GetSortedDocValues(ProductFields.Id) ?? DocValues.EMPTY_SORTED).LookupTerm(top);
            topInSegment = found >= 0;
            topOrdinal = topInSegment ? found : -found - 2;
        }

        return this;
    }

    public override int CompareValues(string first, string second) => string.CompareOrdinal(first, second);

    /// <summary>Creates the comparer for a <see cref="SortField"/>.</summary>
    public sealed class Source(SegmentColumnsCache cache) : FieldComparerSource
    {
        public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new ProductIdComparer(numHits, cache);
    }
}
