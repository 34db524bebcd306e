using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Search;

/// <summary>
/// Turns a <c>SearchProductsRequest</c> into an engine-neutral <see cref="ProductSearchQuery"/>, reporting every
/// bad field at once. The query text stays plain text here; only the engine tokenizes it.
/// </summary>
public sealed class SearchRequestReader(IOptions<SearchOptions> options)
{
    public const int MaxQueryLength = 256;
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;
    public const int MaxProducerFilters = 50;
    public const int MaxAttributeFilters = 50;

    /// <summary>The languages the engines analyse.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "el", "en" };

    public (ProductSearchQuery Query, string Fingerprint) Read(SearchProductsRequest request, CategoryIndex categories)
    {
        const string Domain = CatalogErrors.Domain;
        var violations = new FieldViolations();
        if (request.Query.Length > MaxQueryLength)
        {
            violations.Add("query", $"is {request.Query.Length} characters long; the maximum is {MaxQueryLength}.", CatalogErrors.Reason(ErrorReason.QueryTooLong));
        }

        if (request.LanguageCode.Length > 0 && !Languages.Contains(request.LanguageCode))
        {
            violations.Add("language_code", $"'{LocalizedTextRules.Shorten(request.LanguageCode)}' is not a search language; use 'el', 'en', or leave it empty for both.");
        }

        if (request.CategoryId.Length > 0 && !categories.Contains(request.CategoryId))
        {
            violations.Add("category_id", $"category '{LocalizedTextRules.Shorten(request.CategoryId)}' does not exist.", CatalogErrors.Reason(ErrorReason.CategoryNotFound));
        }

        if (request.ProducerIds.Count > MaxProducerFilters)
        {
            violations.Add("producer_ids", $"has {request.ProducerIds.Count} producers; at most {MaxProducerFilters} are allowed.");
        }

        for (var i = 0; i < request.ProducerIds.Count && i < MaxProducerFilters; i++)
        {
            if (!ProductRules.Id().IsMatch(request.ProducerIds[i]))
            {
                violations.Add($"producer_ids[{i}]", "is not a producer id.");
            }
        }

        if (request.HasMinPriceMinor && request.MinPriceMinor < 0)
        {
            violations.Add("min_price_minor", "must not be negative.");
        }

        if (request.HasMaxPriceMinor && request.MaxPriceMinor < 0)
        {
            violations.Add("max_price_minor", "must not be negative.");
        }

        if (request.HasMinPriceMinor && request.HasMaxPriceMinor && request.MinPriceMinor > request.MaxPriceMinor)
        {
            violations.Add("max_price_minor", "must not be below min_price_minor.");
        }

        var attributes = ReadAttributeFilters(request, violations);
        if (!Enum.IsDefined(request.Sort))
        {
            violations.Add("sort", $"{(int)request.Sort} is not a sort key; use PRODUCT_SORT_RELEVANCE, PRODUCT_SORT_PRICE_ASCENDING, PRODUCT_SORT_PRICE_DESCENDING or PRODUCT_SORT_NEWEST.");
        }

        violations.ThrowIfAny(Domain);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, Domain);
        var text = request.Query.Trim();
        var sort = request.Sort switch
        {
            ProductSort.PriceAscending => ProductSearchSort.PriceAscending,
            ProductSort.PriceDescending => ProductSearchSort.PriceDescending,
            ProductSort.Newest => ProductSearchSort.Newest,
            ProductSort.Relevance => ProductSearchSort.Relevance,
            _ => text.Length > 0 ? ProductSearchSort.Relevance : ProductSearchSort.Newest,
        };

        var query = new ProductSearchQuery
        {
            Text = text,
            Language = request.LanguageCode.Length > 0 ? request.LanguageCode : null,
            CategoryId = request.CategoryId.Length > 0 ? request.CategoryId : null,
            ProducerIds = [.. request.ProducerIds.Distinct(StringComparer.Ordinal)],
            MinPriceMinor = request.HasMinPriceMinor ? request.MinPriceMinor : null,
            MaxPriceMinor = request.HasMaxPriceMinor ? request.MaxPriceMinor : null,
            AttributeFilters = attributes,
            InStockOnly = request.InStockOnly,
            Sort = sort,
            PageSize = pageSize,
            IncludeFacets = request.IncludeFacets,
            PriceBucketBounds = options.Value.PriceBucketBounds,
            MaxFacetValues = options.Value.MaxFacetValues,
        };

        // Everything that decides the list, so a page token cannot be replayed against a different search.
        var fingerprint = string.Join('\u001f',
            "SearchProducts", text, query.Language, query.CategoryId, string.Join(',', query.ProducerIds.Order(StringComparer.Ordinal)),
            query.MinPriceMinor, query.MaxPriceMinor,
            string.Join(',', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={string.Join('|', a.Value.Order(StringComparer.Ordinal))}")),
            query.InStockOnly, sort);
        return (query, fingerprint);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAttributeFilters(SearchProductsRequest request, FieldViolations violations)
    {
        if (request.AttributeFilters.Count > MaxAttributeFilters)
        {
            violations.Add("attribute_filters", $"has {request.AttributeFilters.Count} filters; at most {MaxAttributeFilters} are allowed.");
            return [];
        }

        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < request.AttributeFilters.Count; i++)
        {
            var filter = request.AttributeFilters[i];
            var separator = filter.IndexOf(':');
            var (key, value) = separator < 0 ? (filter, string.Empty) : (filter[..separator], filter[(separator + 1)..]);
            if (!ProductRules.Key().IsMatch(key) || !ProductRules.ValueCode().IsMatch(value))
            {
                violations.Add($"attribute_filters[{i}]", $"'{LocalizedTextRules.Shorten(filter)}' is not 'key:value' with a snake_case key and a value code, e.g. 'origin_region:crete'.");
                continue;
            }

            if (!byKey.TryGetValue(key, out var values))
            {
                byKey[key] = values = [];
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return byKey.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value, StringComparer.Ordinal);
    }
}
