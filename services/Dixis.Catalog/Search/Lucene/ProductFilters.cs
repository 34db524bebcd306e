using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>The filters of a search as one Lucene filter (all must hold); filters never change scores.</summary>
internal static class ProductFilters
{
    /// <summary>The combined filter, or null when the query filters nothing.</summary>
    public static Filter? For(ProductSearchQuery query)
    {
        var filters = new List<Filter>();
        if (!string.IsNullOrEmpty(query.CategoryId))
        {
            filters.Add(new TermFilter(new Term(ProductFields.CategoryPath, query.CategoryId)));
        }

        if (query.ProducerIds is { Count: > 0 } producerIds)
        {
            filters.Add(new TermsFilter(ProductFields.Producer, producerIds.Select(id => new BytesRef(id)).ToList()));
        }

        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            // The field holds every variant's price, so a product passes when one variant is within both bounds.
            filters.Add(NumericRangeFilter.NewInt64Range(ProductFields.VariantPrice, query.MinPriceMinor, query.MaxPriceMinor, minInclusive: true, maxInclusive: true));
        }

        foreach (var (key, values) in query.AttributeFilters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (values is { Count: > 0 })
            {
                filters.Add(new TermsFilter(ProductFields.Attribute, values.Select(value => new BytesRef(ProductFields.AttributeTerm(key, value))).ToList()));
            }
        }

        if (query.InStockOnly)
        {
            filters.Add(new TermFilter(new Term(ProductFields.InStock, ProductFields.InStockValue)));
        }

        if (filters.Count <= 1)
        {
            return filters.SingleOrDefault();
        }

        var all = new BooleanFilter();
        foreach (var filter in filters)
        {
            all.Add(new FilterClause(filter, Occur.MUST));
        }

        return all;
    }
}
