using Dixis.Catalog.Search;
using Dixis.Contracts.Catalog.V1;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class SortingAndPagingTests : SampleCatalogTests
{
    /// <summary>Products that tie on price and publish time with another, so the id tie-breaker is exercised.</summary>
    protected override IReadOnlyList<ProductSearchDocument> ExtraProducts =>
    [
        Product("p-feta-b", "Φέτα βαρελίσια", "Barrel-aged feta", Cheese, EpirusDairy, [690], publishedDay: 5),
        Product("p-feta-a", "Φέτα αιγοπρόβεια", "Sheep and goat feta", Cheese, EpirusDairy, [690], publishedDay: 5),
    ];

    public static TheoryData<ProductSearchSort, string, int> PagedSearches()
    {
        var data = new TheoryData<ProductSearchSort, string, int>();
        foreach (var sort in Enum.GetValues<ProductSearchSort>())
        {
            foreach (var text in new[] { string.Empty, "feta", "olive", "honey wine" })
            {
                foreach (var pageSize in new[] { 1, 2, 5 })
                {
                    data.Add(sort, text, pageSize);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagedSearches))]
    public async Task Paging_returns_every_match_exactly_once_in_the_order_of_one_big_page(ProductSearchSort sort, string text, int pageSize)
    {
        var query = new ProductSearchQuery { Text = text, Sort = sort, PageSize = pageSize };
        var everything = await Index.SearchAsync(query with { PageSize = 100 });

        var paged = await Index.PageThroughAsync(query);

        Assert.Equal(everything.Hits.Select(hit => hit.ProductId), paged);
        Assert.Equal(everything.TotalCount, paged.Count);
        Assert.Equal(paged.Count, paged.Distinct().Count());
    }

    [Fact]
    public async Task Price_ascending_is_cheapest_first_with_ties_by_id()
    {
        var hits = (await Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.PriceAscending, PageSize = 100 })).Hits;

        Assert.Equal(hits.OrderBy(hit => hit.MinPrice.AmountMinor).ThenBy(hit => hit.ProductId, StringComparer.Ordinal).Select(Id), hits.Select(Id));
        Assert.Equal(["p-feta", "p-feta-a", "p-feta-b"], hits.Where(hit => hit.MinPrice.AmountMinor == 690).Select(Id));
    }

    [Fact]
    public async Task Price_descending_is_dearest_first_with_ties_by_id()
    {
        var hits = (await Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.PriceDescending, PageSize = 100 })).Hits;

        Assert.Equal(hits.OrderByDescending(hit => hit.MinPrice.AmountMinor).ThenBy(hit => hit.ProductId, StringComparer.Ordinal).Select(Id), hits.Select(Id));
        Assert.Equal("p-wine-assyrtiko", hits[0].ProductId);
    }

    [Fact]
    public async Task Newest_is_the_latest_published_first()
    {
        var ids = (await Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.Newest, PageSize = 4 })).Hits.Select(Id);

        Assert.Equal(["p-wine-rose", "p-wine-assyrtiko", "p-salt-pepper", "p-thyme"], ids);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor()
    {
        var first = await Index.SearchAsync(new ProductSearchQuery { Text = "feta", PageSize = 2 });
        var last = await Index.SearchAsync(new ProductSearchQuery { Text = "feta", PageSize = 2, Cursor = first.NextCursor });
        var exact = await Index.SearchAsync(new ProductSearchQuery { Text = "feta", PageSize = 3 });

        Assert.Equal(3, first.TotalCount);
        Assert.NotNull(first.NextCursor);
        Assert.Single(last.Hits);
        Assert.Null(last.NextCursor);
        Assert.Null(exact.NextCursor);
        Assert.Equal(3, last.TotalCount);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("%%%")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJwYWdlIjoyfQ")]
    public async Task A_foreign_cursor_is_refused(string cursor)
    {
        var query = new ProductSearchQuery { Cursor = cursor };
        if (cursor.Length == 0)
        {
            // An empty token is the first page, as in page_token = "".
            Assert.NotEmpty((await Index.SearchAsync(query)).Hits);
            return;
        }

        await Assert.ThrowsAsync<InvalidSearchCursorException>(() => Index.SearchAsync(query));
    }

    [Fact]
    public async Task A_cursor_of_another_sort_or_edited_is_refused()
    {
        var page = await Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.PriceAscending, PageSize = 2 });
        var cursor = page.NextCursor!;

        await Assert.ThrowsAsync<InvalidSearchCursorException>(() => Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.Newest, Cursor = cursor }));
        await Assert.ThrowsAsync<InvalidSearchCursorException>(() => Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.PriceAscending, Cursor = cursor[..8] }));
        await Assert.ThrowsAsync<InvalidSearchCursorException>(() => Index.SearchAsync(new ProductSearchQuery { Sort = ProductSearchSort.PriceAscending, Cursor = "x" + cursor }));
    }

    [Fact]
    public async Task Out_of_range_page_sizes_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.SearchAsync(new ProductSearchQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.SearchAsync(new ProductSearchQuery { PageSize = 101 }));
    }

    private static string Id(ProductSummary hit) => hit.ProductId;
}
