using System.Diagnostics;
using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Search;

/// <summary>
/// <c>SearchProducts</c> end to end in the service: read and validate the request, ask the engine, label the
/// facets (category names, producer names, attribute labels, price ranges) and mark the selected values, bind
/// the next page token to the query. The time of the whole answer is recorded in <see cref="CatalogMetrics"/>.
/// </summary>
public sealed class ProductSearch(
    IProductSearchIndex index, SearchRequestReader reader, CategoryDirectory categories, CatalogMetrics metrics, IOptions<CatalogOptions> options)
{
    public async Task<SearchProductsResponse> SearchAsync(SearchProductsRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var categoryIndex = await categories.GetIndexAsync(cancellationToken);
        var (query, fingerprint) = reader.Read(request, categoryIndex);
        var cursor = PageTokens.Read(request.PageToken, fingerprint, CatalogErrors.Domain);
        if (query.Text.Length > 0 && !query.Text.Any(char.IsLetterOrDigit))
        {
            // Only punctuation (`*:*`, `()`): as plain text it names nothing a product could contain.
            metrics.SearchAnswered(Stopwatch.GetElapsedTime(started), query.IncludeFacets);
            return new SearchProductsResponse();
        }

        ProductSearchResult result;
        try
        {
            result = await index.SearchAsync(query with { Cursor = cursor }, cancellationToken);
        }
        catch (InvalidSearchCursorException)
        {
            throw RpcErrors.InvalidArgument(CatalogErrors.Domain,
                [new FieldViolation("page_token", "is not a next_page_token of this search; start again without a page_token.", RpcErrors.InvalidPageTokenReason)]);
        }

        var response = new SearchProductsResponse
        {
            TotalSize = result.TotalCount,
            NextPageToken = PageTokens.Issue(result.NextCursor, fingerprint),
        };
        response.Results.AddRange(result.Hits);
        response.Facets.AddRange(result.Facets.Select(facet => Label(facet, query, categoryIndex)));
        metrics.SearchAnswered(Stopwatch.GetElapsedTime(started), query.IncludeFacets);
        return response;
    }

    private Facet Label(SearchFacet facet, ProductSearchQuery query, CategoryIndex categoryIndex)
    {
        var contract = new Facet { Kind = facet.Kind, AttributeKey = facet.AttributeKey ?? string.Empty };
        foreach (var engineBucket in facet.Buckets)
        {
            var bucket = facet.Kind == FacetKind.Price ? engineBucket with { Value = InclusiveRange(engineBucket.Value) } : engineBucket;
            var label = facet.Kind switch
            {
                FacetKind.Category => categoryIndex.Find(bucket.Value)?.Name?.Clone(),
                FacetKind.Price => PriceLabel(bucket.Value),
                _ => null,
            } ?? Text.LocalizedTexts.ToContract(bucket.Label);
            contract.Buckets.Add(new FacetBucket
            {
                Value = bucket.Value,
                Label = label,
                Count = bucket.Count,
                Selected = IsSelected(facet, bucket.Value, query),
            });
        }

        return contract;
    }

    /// <summary>
    /// Engines bound price buckets with an exclusive upper end (<c>1000-2000</c>); the contract's values are
    /// inclusive on both ends (<c>1000-1999</c>), so a client can turn a bucket into a price filter as it is.
    /// </summary>
    private static string InclusiveRange(string range)
    {
        var separator = range.IndexOf('-');
        return separator >= 0 && long.TryParse(range.AsSpan(separator + 1), out var exclusiveTo)
            ? $"{range[..separator]}-{exclusiveTo - 1}"
            : range;
    }

    private LocalizedText? PriceLabel(string range)
    {
        var separator = range.IndexOf('-');
        if (separator < 0)
        {
            return null;
        }

        long? from = long.TryParse(range.AsSpan(0, separator), out var f) ? f : null;
        long? to = long.TryParse(range.AsSpan(separator + 1), out var t) ? t : null;
        return PriceLabels.Of(from, to, options.Value.CurrencyCode);
    }

    private static bool IsSelected(SearchFacet facet, string value, ProductSearchQuery query) => facet.Kind switch
    {
        FacetKind.Category => query.CategoryId == value,
        FacetKind.Producer => query.ProducerIds.Contains(value),
        FacetKind.Attribute => facet.AttributeKey is { } key && query.AttributeFilters.TryGetValue(key, out var values) && values.Contains(value),
        FacetKind.Price => value == $"{query.MinPriceMinor}-{query.MaxPriceMinor}" && (query.MinPriceMinor is not null || query.MaxPriceMinor is not null),
        _ => false,
    };
}
