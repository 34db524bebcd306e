using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The tie-breaker of every sort: product ids in ordinal order, read from <see cref="SegmentColumns"/>. Ties are common
/// (equal prices, an empty text where every score is equal), so this comparer runs for many hits and must be cheap.
/// </summary>
internal sealed class ProductIdComparer(int slotCount, SegmentColumnsCache cache) : FieldComparer<string>
{
    private readonly string[] slots = new string[slotCount];
    private string[] values = [];
    private string bottom = string.Empty;
    private string top = string.Empty;

    public override string this[int slot] => slots[slot];

    public override int Compare(int slot1, int slot2) => string.CompareOrdinal(slots[slot1], slots[slot2]);

    public override void SetBottom(int slot) => bottom = slots[slot];

    public override void SetTopValue(string value) => top = value;

    public override int CompareBottom(int doc) => string.CompareOrdinal(bottom, values[doc]);

    public override int CompareTop(int doc) => string.CompareOrdinal(top, values[doc]);

    public override void Copy(int slot, int doc) => slots[slot] = values[doc];

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        values = cache.For(context.AtomicReader).Ids;
        return this;
    }

    public override int CompareValues(string first, string second) => string.CompareOrdinal(first, second);

    /// <summary>Creates the comparer for a <see cref="SortField"/>.</summary>
    public sealed class Source(SegmentColumnsCache cache) : FieldComparerSource
    {
        public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new ProductIdComparer(numHits, cache);
    }
}
