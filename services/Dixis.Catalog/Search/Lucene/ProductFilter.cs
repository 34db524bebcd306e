using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The filters of a search (category subtree, producers, variant price range, attribute values, stock) as one
/// random-access test per document, answered from <see cref="SegmentColumns"/>: the cached bit sets of the terms,
/// combined once per segment into one, and arrays for prices. The text query then reads only its own postings and
/// skips what the filter refuses, so a filter costs one or two lookups per candidate.
/// </summary>
internal sealed class ProductFilter : Filter
{
    private static readonly FilteredQuery.FilterStrategy AlwaysRandomAccess = new RandomAccessStrategy();

    private readonly SegmentColumnsCache cache;
    private readonly Term? category;
    private readonly Term? inStock;
    private readonly Term[] producers;
    private readonly Term[][] attributes;
    private readonly long minPrice;
    private readonly long maxPrice;
    private readonly bool pricesFiltered;

    private ProductFilter(SegmentColumnsCache cache, ProductSearchQuery query)
    {
        this.cache = cache;
        category = string.IsNullOrEmpty(query.CategoryId) ? null : new Term(ProductFields.CategoryPath, query.CategoryId);
        inStock = query.InStockOnly ? new Term(ProductFields.InStock, ProductFields.InStockValue) : null;
        producers = (query.ProducerIds ?? []).Select(id => new Term(ProductFields.Producer, id)).ToArray();
        attributes = (query.AttributeFilters ?? new Dictionary<string, IReadOnlyList<string>>())
            .Where(filter => filter.Value is { Count: > 0 })
            .Select(filter => filter.Value.Select(value => new Term(ProductFields.Attribute, ProductFields.AttributeTerm(filter.Key, value))).ToArray())
            .ToArray();
        pricesFiltered = query.MinPriceMinor is not null || query.MaxPriceMinor is not null;
        minPrice = query.MinPriceMinor ?? long.MinValue;
        maxPrice = query.MaxPriceMinor ?? long.MaxValue;
    }

    private bool FiltersAnything => category is not null || inStock is not null || producers.Length > 0 || attributes.Length > 0 || pricesFiltered;

    /// <summary><paramref name="text"/> restricted to the query's filters (itself when there are none).</summary>
    public static Query Apply(Query text, ProductSearchQuery query, SegmentColumnsCache cache)
    {
        var filter = new ProductFilter(cache, query);
        return filter.FiltersAnything ? new FilteredQuery(text, filter, AlwaysRandomAccess) : text;
    }

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var columns = cache.For(reader);
        var accepted = new Accepted(this, columns, acceptDocs, TermsAccepted(reader, columns), reader.MaxDoc);
        return DocIdSet.NewAnonymous(() => new FirstAccepted(accepted), () => accepted);
    }

    /// <summary>
    /// The documents every term filter accepts (category, stock, any of the producers, any value of each attribute),
    /// as one bit set built from the cached per-term sets — a few thousand word operations per segment — so that each
    /// text match then costs one bit lookup instead of one per filter. Null when no term filter is set.
    /// </summary>
    private FixedBitSet? TermsAccepted(AtomicReader reader, SegmentColumns columns)
    {
        FixedBitSet? accepted = null;
        var owned = false;
        void Require(FixedBitSet documents)
        {
            if (accepted is null)
            {
                // A single term filter is answered by its cached set as it is; a copy is made only to intersect.
                accepted = documents;
            }
            else
            {
                if (!owned)
                {
                    accepted = accepted.Clone();
                    owned = true;
                }

                accepted.And(documents);
            }
        }

        if (category is not null)
        {
            Require(columns.DocumentsWith(reader, category));
        }

        if (inStock is not null)
        {
            Require(columns.DocumentsWith(reader, inStock));
        }

        foreach (var anyOf in attributes.Prepend(producers))
        {
            if (anyOf.Length == 1)
            {
                Require(columns.DocumentsWith(reader, anyOf[0]));
            }
            else if (anyOf.Length > 1)
            {
                var union = new FixedBitSet(reader.MaxDoc);
                foreach (var term in anyOf)
                {
                    union.Or(columns.DocumentsWith(reader, term));
                }

                Require(union);
            }
        }

        return accepted;
    }

    /// <summary>The filter's answer for one segment.</summary>
    private sealed class Accepted(ProductFilter filter, SegmentColumns columns, IBits? live, FixedBitSet? terms, int length) : IBits
    {
        public int Length => length;

        public bool Get(int index) =>
            (terms is null || terms.Get(index))
            && (live is null || live.Get(index))
            && (!filter.pricesFiltered || columns.HasVariantPricedWithin(index, filter.minPrice, filter.maxPrice));
    }

    /// <summary>
    /// Lucene asks a filter for its first document before using its random access; this scans for it (the scan stops
    /// at the first accepted document, so it is short unless the filter accepts almost nothing).
    /// </summary>
    private sealed class FirstAccepted(Accepted accepted) : DocIdSetIterator
    {
        private int doc = -1;

        public override int DocID => doc;

        public override int NextDoc() => doc == NO_MORE_DOCS ? NO_MORE_DOCS : Advance(doc + 1);

        public override int Advance(int target)
        {
            for (doc = target; doc < accepted.Length; doc++)
            {
                if (accepted.Get(doc))
                {
                    return doc;
                }
            }

            return doc = NO_MORE_DOCS;
        }

        public override long GetCost() => accepted.Length;
    }

    /// <summary>Always hands the filter to the query as accepted documents, never iterates it: iterating would visit every document.</summary>
    private sealed class RandomAccessStrategy : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
