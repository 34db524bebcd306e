using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// One segment's facet, filter and sort values copied into plain arrays, with facet values numbered across segments
/// (<see cref="FacetValueTable"/>), plus bit sets of the documents holding frequently filtered terms. Lucene.Net reads
/// doc values through several virtual calls and a seek per value, which made counting facets over 100,000 matches take
/// tens of milliseconds; an array read takes nanoseconds. Segments never change once written (deletes aside, which the
/// searcher applies), so the copy stays valid for the segment's life. About 124 bytes a product with its id string and
/// ordinal (12.4 MB for 100,000), plus an eighth of a byte per product for each cached filter term.
/// </summary>
internal sealed class SegmentColumns
{
    /// <summary>Filter terms remembered per segment; beyond this, a term's documents are read anew each time (a bound on memory).</summary>
    private const int MaxCachedTerms = 1024;

    private readonly ConcurrentDictionary<Term, FixedBitSet> termDocuments = new();

    private SegmentColumns(AtomicReader reader, SegmentColumnsCache cache)
    {
        var maxDoc = reader.MaxDoc;
        var categories = ReadSingleValued(reader, ProductFields.CategoryFacet, maxDoc, cache.Categories, parts => new(null, parts[0], FacetTerm.Label(parts, 1)));
        var producers = ReadSingleValued(reader, ProductFields.ProducerFacet, maxDoc, cache.Producers, parts => new(
            null,
            parts[0],
            parts.Length > 1 && parts[1].Length > 0 ? new Dictionary<string, string> { [cache.ProducerNameLanguage] = parts[1] } : null));
        (AttributeStarts, AttributeOrdinals) = ReadMultiValued(reader, ProductFields.AttributeFacet, maxDoc, cache.Attributes);
        (MinPrices, PublishTimes, NameLengths, VariantPriceStarts, VariantPrices) = ReadRecords(reader, maxDoc);
        (Ids, IdOrdinals) = ReadIds(reader, maxDoc);
        Facets = new DocumentFacets[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            Facets[doc] = DocumentFacets.Of(MinPrices[doc], categories[doc], producers[doc], AttributeOrdinals.AsSpan(AttributeStarts[doc]..AttributeStarts[doc + 1]), AttributeStarts[doc]);
        }
    }

    /// <summary>
    /// Per document, everything facet counting reads, side by side in 32 bytes (the first attributes inline): one
    /// memory read per counted match instead of one per column, which is most of the cost of counting on a busy machine.
    /// </summary>
    public DocumentFacets[] Facets { get; }

    /// <summary>The attribute value numbers (in <see cref="SegmentColumnsCache.Attributes"/>) of all documents, each document's in one run.</summary>
    public int[] AttributeOrdinals { get; }

    /// <summary>Document <c>d</c>'s attribute numbers are <see cref="AttributeOrdinals"/>[<c>AttributeStarts[d]</c> .. <c>AttributeStarts[d + 1]</c>).</summary>
    public int[] AttributeStarts { get; }

    public long[] MinPrices { get; }

    /// <summary>Document <c>d</c>'s variant prices are <see cref="VariantPrices"/>[<c>VariantPriceStarts[d]</c> .. <c>VariantPriceStarts[d + 1]</c>).</summary>
    public int[] VariantPriceStarts { get; }

    public long[] VariantPrices { get; }

    public long[] PublishTimes { get; }

    /// <summary>The length of each document's shortest name (suggestions prefer short names).</summary>
    public long[] NameLengths { get; }

    public string[] Ids { get; }

    /// <summary>
    /// Each document's id as its ordinal among this segment's ids (-1 without one): ordinals follow the ids' UTF-8 byte
    /// order, which for the ASCII ids products have (server-made UUIDs) is <see cref="string.CompareOrdinal(string, string)"/>
    /// order, so within a segment <see cref="ProductIdComparer"/> compares these integers instead of the strings.
    /// </summary>
    public int[] IdOrdinals { get; }

    public static SegmentColumns Read(AtomicReader reader, SegmentColumnsCache cache) => new(reader, cache);

    /// <summary>The documents of this segment that hold <paramref name="term"/>, deleted ones included (the searcher drops those).</summary>
    /// <param name="reader">The segment as the current searcher sees it (an earlier reader of the same segment may be closed).</param>
    /// <param name="term">The term.</param>
    public FixedBitSet DocumentsWith(AtomicReader reader, Term term)
    {
        if (termDocuments.TryGetValue(term, out var known))
        {
            return known;
        }

        var documents = ReadDocumentsWith(reader, term);
        if (termDocuments.Count < MaxCachedTerms)
        {
            termDocuments.TryAdd(term, documents);
        }

        return documents;
    }

    /// <summary>Whether one of the document's variants is priced within both (inclusive) bounds.</summary>
    public bool HasVariantPricedWithin(int doc, long min, long max)
    {
        for (int index = VariantPriceStarts[doc], end = VariantPriceStarts[doc + 1]; index < end; index++)
        {
            if (VariantPrices[index] >= min && VariantPrices[index] <= max)
            {
                return true;
            }
        }

        return false;
    }

    private static FixedBitSet ReadDocumentsWith(AtomicReader reader, Term term)
    {
        var documents = new FixedBitSet(reader.MaxDoc);
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        if (terms is not null && terms.SeekExact(term.Bytes))
        {
            var postings = terms.Docs(liveDocs: null, reuse: null, DocsFlags.NONE);
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                documents.Set(doc);
            }
        }

        return documents;
    }

    private static (long[] MinPrices, long[] PublishTimes, long[] NameLengths, int[] PriceStarts, long[] Prices) ReadRecords(AtomicReader reader, int maxDoc)
    {
        var values = reader.GetBinaryDocValues(ProductFields.Record) ?? DocValues.EMPTY_BINARY;
        var minPrices = new long[maxDoc];
        var publishTimes = new long[maxDoc];
        var nameLengths = new long[maxDoc];
        var starts = new int[maxDoc + 1];
        var prices = new List<long>(maxDoc * 2);
        var record = new BytesRef();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = prices.Count;
            values.Get(doc, record);
            if (record.Length == 0)
            {
                continue;
            }

            minPrices[doc] = ProductRecord.MinPrice(record);
            publishTimes[doc] = ProductRecord.PublishTime(record);
            nameLengths[doc] = ProductRecord.NameLength(record);
            for (var index = 0; index < ProductRecord.VariantPriceCount(record); index++)
            {
                prices.Add(ProductRecord.VariantPrice(record, index));
            }
        }

        starts[maxDoc] = prices.Count;
        return (minPrices, publishTimes, nameLengths, starts, [.. prices]);
    }

    private static int[] ReadSingleValued(AtomicReader reader, string field, int maxDoc, FacetValueTable table, Func<string[], FacetValueTable.Entry> decode)
    {
        var values = reader.GetSortedDocValues(field) ?? DocValues.EMPTY_SORTED;
        var decoded = new FacetValueTable.Entry[values.ValueCount];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < decoded.Length; ordinal++)
        {
            values.LookupOrd(ordinal, term);
            decoded[ordinal] = decode(FacetTerm.Decode(term));
        }

        var numbers = table.Intern(decoded);
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ordinal = values.GetOrd(doc);
            ordinals[doc] = ordinal >= 0 ? numbers[ordinal] : -1;
        }

        return ordinals;
    }

    private static (int[] Starts, int[] Ordinals) ReadMultiValued(AtomicReader reader, string field, int maxDoc, FacetValueTable table)
    {
        var values = reader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET;
        var decoded = new FacetValueTable.Entry[checked((int)values.ValueCount)];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < decoded.Length; ordinal++)
        {
            values.LookupOrd(ordinal, term);
            var parts = FacetTerm.Decode(term);
            decoded[ordinal] = new(parts[0], parts[1], FacetTerm.Label(parts, 2));
        }

        var numbers = table.Intern(decoded);
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc * 2);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add(numbers[ordinal]);
            }
        }

        starts[maxDoc] = ordinals.Count;
        return (starts, [.. ordinals]);
    }

    private static (string[] Ids, int[] Ordinals) ReadIds(AtomicReader reader, int maxDoc)
    {
        var values = reader.GetSortedDocValues(ProductFields.Id) ?? DocValues.EMPTY_SORTED;
        var byOrdinal = new string[values.ValueCount];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < byOrdinal.Length; ordinal++)
        {
            values.LookupOrd(ordinal, term);
            byOrdinal[ordinal] = term.Utf8ToString();
        }

        var ids = new string[maxDoc];
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ordinal = values.GetOrd(doc);
            ids[doc] = ordinal >= 0 ? byOrdinal[ordinal] : string.Empty;
            ordinals[doc] = ordinal;
        }

        return (ids, ordinals);
    }

    /// <summary>
    /// A document's facet values: its cheapest price, category and producer numbers (or -1), its first
    /// <see cref="InlineAttributes"/> attribute numbers (or -1), and where the rest of its attribute numbers start in
    /// <see cref="AttributeOrdinals"/> (-1 when it has no more; they run to the next document's start).
    /// </summary>
    internal readonly record struct DocumentFacets(long MinPrice, int Category, int Producer, int Attribute0, int Attribute1, int Attribute2, int MoreAttributesStart)
    {
        /// <summary>Most products carry up to three attributes (region, organic, a label); more go to the shared run.</summary>
        public const int InlineAttributes = 3;

        public static DocumentFacets Of(long minPrice, int category, int producer, ReadOnlySpan<int> attributes, int attributesStart) => new(
            minPrice,
            category,
            producer,
            attributes.Length > 0 ? attributes[0] : -1,
            attributes.Length > 1 ? attributes[1] : -1,
            attributes.Length > 2 ? attributes[2] : -1,
            attributes.Length > InlineAttributes ? attributesStart + InlineAttributes : -1);
    }
}
