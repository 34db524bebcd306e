using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Sorts by a numeric column of <see cref="SegmentColumns"/> (price, publish time): an array read per compared hit instead of a doc-values lookup.</summary>
internal sealed class Int64ColumnComparer(int slotCount, SegmentColumnsCache cache, Func<SegmentColumns, long[]> column) : FieldComparer<J2N.Numerics.Int64>
{
    private readonly long[] slots = new long[slotCount];
    private long[] values = [];
    private long bottom;
    private long top;

    public override J2N.Numerics.Int64 this[int slot] => J2N.Numerics.Int64.GetInstance(slots[slot]);

    public override int Compare(int slot1, int slot2) => slots[slot1].CompareTo(slots[slot2]);

    public override void SetBottom(int slot) => bottom = slots[slot];

    public override void SetTopValue(J2N.Numerics.Int64 value) => top = value.ToInt64();

    public override int CompareBottom(int doc) => bottom.CompareTo(values[doc]);

    public override int CompareTop(int doc) => top.CompareTo(values[doc]);

    public override void Copy(int slot, int doc) => slots[slot] = values[doc];

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        values = column(cache.For(context.AtomicReader));
        return this;
    }

    /// <summary>Creates the comparer for a <see cref="SortField"/>.</summary>
    public sealed class Source(SegmentColumnsCache cache, Func<SegmentColumns, long[]> column) : FieldComparerSource
    {
        public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Int64ColumnComparer(numHits, cache, column);
    }
}
