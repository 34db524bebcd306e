using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>The Lucene sort of each <see cref="ProductSearchSort"/>: a primary key, then the product id, so every hit has one place and cursors never skip or repeat.</summary>
internal static class ProductSorts
{
    private static readonly SortField ById = new(ProductFields.Id, SortFieldType.STRING);

    private static readonly Sort Relevance = new(SortField.FIELD_SCORE, ById);
    private static readonly Sort PriceAscending = new(new SortField(ProductFields.MinPrice, SortFieldType.INT64), ById);
    private static readonly Sort PriceDescending = new(new SortField(ProductFields.MinPrice, SortFieldType.INT64, reverse: true), ById);
    private static readonly Sort Newest = new(new SortField(ProductFields.PublishTime, SortFieldType.INT64, reverse: true), ById);

    public static Sort For(ProductSearchSort sort) => sort switch
    {
        ProductSearchSort.Relevance => Relevance,
        ProductSearchSort.PriceAscending => PriceAscending,
        ProductSearchSort.PriceDescending => PriceDescending,
        ProductSearchSort.Newest => Newest,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown product sort."),
    };
}
