using System.Buffers.Binary;
using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// One segment's facet, filter and sort values copied into plain arrays, with every distinct facet term decoded once,
/// plus bit sets of the documents holding frequently filtered terms. Lucene.Net reads doc values through several
/// virtual calls and a seek per value, which made counting facets over 100,000 matches take tens of milliseconds; an
/// array read takes nanoseconds. Segments never change once written (deletes aside, which the searcher applies), so the
/// copy stays valid for the segment's life. About 40 bytes a product, plus an eighth of a byte per product per cached term.
/// </summary>
internal sealed class SegmentColumns
{
    /// <summary>Filter terms remembered per segment; beyond this, a term's documents are read anew each time (a bound on memory).</summary>
    private const int MaxCachedTerms = 1024;

    private readonly ConcurrentDictionary<Term, FixedBitSet> termDocuments = new();

    private SegmentColumns(AtomicReader reader, string producerNameLanguage)
    {
        var maxDoc = reader.MaxDoc;
        (CategoryOrdinals, Categories) = ReadSingleValued(reader, ProductFields.CategoryFacet, maxDoc, parts => new FacetValue(parts[0], FacetTerm.Label(parts, 1)));
        (ProducerOrdinals, Producers) = ReadSingleValued(reader, ProductFields.ProducerFacet, maxDoc, parts => new FacetValue(
            parts[0],
            parts.Length > 1 && parts[1].Length > 0 ? new Dictionary<string, string> { [producerNameLanguage] = parts[1] } : null));
        (AttributeStarts, AttributeOrdinals, Attributes) = ReadMultiValued(reader, ProductFields.AttributeFacet, maxDoc);
        MinPrices = ReadNumbers(reader, ProductFields.MinPrice, maxDoc);
        (VariantPriceStarts, VariantPrices) = ReadPrices(reader, maxDoc);
        PublishTimes = ReadNumbers(reader, ProductFields.PublishTime, maxDoc);
        Ids = ReadIds(reader, maxDoc);
    }

    /// <summary>Per document, the ordinal of its own category in <see cref="Categories"/>, or -1.</summary>
    public int[] CategoryOrdinals { get; }

    public FacetValue[] Categories { get; }

    /// <summary>Per document, the ordinal of its producer in <see cref="Producers"/> (whose label is the trading name), or -1.</summary>
    public int[] ProducerOrdinals { get; }

    public FacetValue[] Producers { get; }

    /// <summary>Document <c>d</c>'s attributes are <see cref="AttributeOrdinals"/>[<c>AttributeStarts[d]</c> .. <c>AttributeStarts[d + 1]</c>).</summary>
    public int[] AttributeStarts { get; }

    public int[] AttributeOrdinals { get; }

    public AttributeValue[] Attributes { get; }

    public long[] MinPrices { get; }

    /// <summary>Document <c>d</c>'s variant prices are <see cref="VariantPrices"/>[<c>VariantPriceStarts[d]</c> .. <c>VariantPriceStarts[d + 1]</c>).</summary>
    public int[] VariantPriceStarts { get; }

    public long[] VariantPrices { get; }

    public long[] PublishTimes { get; }

    public string[] Ids { get; }

    /// <param name="reader">The segment.</param>
    /// <param name="producerNameLanguage">The language a trading name is labelled in: the market default, since a trading name is not translated.</param>
    public static SegmentColumns Read(AtomicReader reader, string producerNameLanguage) => new(reader, producerNameLanguage);

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

    private static (int[] Starts, long[] Prices) ReadPrices(AtomicReader reader, int maxDoc)
    {
        var values = reader.GetBinaryDocValues(ProductFields.VariantPrices) ?? DocValues.EMPTY_BINARY;
        var starts = new int[maxDoc + 1];
        var prices = new List<long>(maxDoc * 2);
        var bytes = new BytesRef();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = prices.Count;
            values.Get(doc, bytes);
            for (var offset = 0; offset + sizeof(long) <= bytes.Length; offset += sizeof(long))
            {
                prices.Add(BinaryPrimitives.ReadInt64BigEndian(bytes.Bytes.AsSpan(bytes.Offset + offset, sizeof(long))));
            }
        }

        starts[maxDoc] = prices.Count;
        return (starts, [.. prices]);
    }

    private static (int[] Ordinals, FacetValue[] Values) ReadSingleValued(AtomicReader reader, string field, int maxDoc, Func<string[], FacetValue> decode)
    {
        var values = reader.GetSortedDocValues(field) ?? DocValues.EMPTY_SORTED;
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            ordinals[doc] = values.GetOrd(doc);
        }

        var decoded = new FacetValue[values.ValueCount];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < decoded.Length; ordinal++)
        {
            values.LookupOrd(ordinal, term);
            decoded[ordinal] = decode(FacetTerm.Decode(term));
        }

        return (ordinals, decoded);
    }

    private static (int[] Starts, int[] Ordinals, AttributeValue[] Values) ReadMultiValued(AtomicReader reader, string field, int maxDoc)
    {
        var values = reader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET;
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc * 2);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add(checked((int)ordinal));
            }
        }

        starts[maxDoc] = ordinals.Count;
        var decoded = new AttributeValue[values.ValueCount];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < decoded.Length; ordinal++)
        {
            values.LookupOrd(ordinal, term);
            var parts = FacetTerm.Decode(term);
            decoded[ordinal] = new AttributeValue(parts[0], parts[1], FacetTerm.Label(parts, 2));
        }

        return (starts, [.. ordinals], decoded);
    }

    private static long[] ReadNumbers(AtomicReader reader, string field, int maxDoc)
    {
        var values = reader.GetNumericDocValues(field) ?? DocValues.EMPTY_NUMERIC;
        var numbers = new long[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            numbers[doc] = values.Get(doc);
        }

        return numbers;
    }

    private static string[] ReadIds(AtomicReader reader, int maxDoc)
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
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ordinal = values.GetOrd(doc);
            ids[doc] = ordinal >= 0 ? byOrdinal[ordinal] : string.Empty;
        }

        return ids;
    }

    /// <summary>A category or producer facet value with its label (category names, or the producer's trading name).</summary>
    internal sealed record FacetValue(string Value, IReadOnlyDictionary<string, string>? Label);

    internal sealed record AttributeValue(string Key, string Value, IReadOnlyDictionary<string, string>? Label);
}
