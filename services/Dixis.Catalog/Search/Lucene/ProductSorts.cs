using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The Lucene sort of each <see cref="ProductSearchSort"/>: a primary key, then the product id, so every hit has one
/// place and cursors never skip or repeat. Price, time and id come from <see cref="SegmentColumns"/>.
/// </summary>
internal sealed class ProductSorts
{
    private readonly Sort relevance;
    private readonly Sort priceAscending;
    private readonly Sort priceDescending;
    private readonly Sort newest;

    public ProductSorts(SegmentColumnsCache cache)
    {
        var byId = new SortField(ProductFields.Id, new ProductIdComparer.Source(cache));
        var byPrice = new Int64ColumnComparer.Source(cache, columns => columns.MinPrices);
        var byPublishTime = new Int64ColumnComparer.Source(cache, columns => columns.PublishTimes);
        relevance = new Sort(SortField.FIELD_SCORE, byId);
        priceAscending = new Sort(new SortField(ProductFields.MinPrice, byPrice), byId);
        priceDescending = new Sort(new SortField(ProductFields.MinPrice, byPrice, reverse: true), byId);
        newest = new Sort(new SortField(ProductFields.PublishTime, byPublishTime, reverse: true), byId);
        Suggestions = new Sort(SortField.FIELD_SCORE, new SortField(ProductFields.NameLength, new Int64ColumnComparer.Source(cache, columns => columns.NameLengths)), byId);
    }

    /// <summary>Suggestions: best score first (see <see cref="SuggestionQuery"/>), then shorter names, then by id.</summary>
    public Sort Suggestions { get; }

    public Sort For(ProductSearchSort sort) => sort switch
    {
        ProductSearchSort.Relevance => relevance,
        ProductSearchSort.PriceAscending => priceAscending,
        ProductSearchSort.PriceDescending => priceDescending,
        ProductSearchSort.Newest => newest,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown product sort."),
    };
}
