using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The filters of a search (category subtree, producers, variant price range, attribute values, stock) as one
/// random-access test per document, answered from <see cref="SegmentColumns"/>: cached bit sets for terms, arrays for
/// prices. The text query then reads only its own postings and skips what the filter refuses, so a filter costs a few
/// bit lookups per candidate instead of a bit set built on every search.
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
        var accepted = new Accepted(
            this,
            columns,
            acceptDocs,
            category is null ? null : columns.DocumentsWith(reader, category),
            inStock is null ? null : columns.DocumentsWith(reader, inStock),
            producers.Select(term => columns.DocumentsWith(reader, term)).ToArray(),
            attributes.Select(values => values.Select(term => columns.DocumentsWith(reader, term)).ToArray()).ToArray(),
            reader.MaxDoc);
        return DocIdSet.NewAnonymous(() => new FirstAccepted(accepted), () => accepted);
    }

    /// <summary>The filter's answer for one segment.</summary>
    private sealed class Accepted(
        ProductFilter filter,
        SegmentColumns columns,
        IBits? live,
        FixedBitSet? category,
        FixedBitSet? inStock,
        FixedBitSet[] producers,
        FixedBitSet[][] attributes,
        int length) : IBits
    {
        public int Length => length;

        public bool Get(int index)
        {
            if ((live is not null && !live.Get(index))
                || (category is not null && !category.Get(index))
                || (inStock is not null && !inStock.Get(index))
                || (producers.Length > 0 && !AnyHas(producers, index))
                || (filter.pricesFiltered && !columns.HasVariantPricedWithin(index, filter.minPrice, filter.maxPrice)))
            {
                return false;
            }

            foreach (var values in attributes)
            {
                if (!AnyHas(values, index))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AnyHas(FixedBitSet[] sets, int index)
        {
            foreach (var set in sets)
            {
                if (set.Get(index))
                {
                    return true;
                }
            }

            return false;
        }
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
