using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.Persistence.Tests.Model;

namespace Dixis.Persistence.Tests.Contract;

public abstract partial class DocumentStoreContract
{
    private static readonly string?[] Categories = ["oil", "honey", null, "cheese", "wine"];

    [Fact]
    public async Task Paging_returns_every_match_exactly_once_in_sort_order()
    {
        var stock = await StockAsync();
        var all = await SeedAsync(stock, 95);
        var query = new Query
        {
            Filter = Filter.Eq("active", true),
            Sort = [SortField.Ascending("category"), SortField.DescendingBy("price")],
            PageSize = 7,
        };

        var seen = await ReadAllPagesAsync(stock, query);

        var expected = all.Where(d => d.Value.Active)
            .OrderBy(d => d.Value.Category, StringComparer.Ordinal)
            .ThenByDescending(d => d.Value.Price)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Paging_descending_puts_missing_values_last_and_still_returns_each_once()
    {
        var stock = await StockAsync();
        var all = await SeedAsync(stock, 40);

        var seen = await ReadAllPagesAsync(stock, new Query { Sort = [SortField.DescendingBy("category")], PageSize = 3 });

        var expected = all
            .OrderByDescending(d => d.Value.Category, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Equality_range_and_in_filters_combine()
    {
        var stock = await StockAsync();
        var all = await SeedAsync(stock, 60);

        var page = await stock.QueryAsync(
            new Query
            {
                Filter = Filter.And(Filter.In("category", ["oil", "wine", null]), Filter.Gte("price", 200), Filter.Lt("price", 500)),
                PageSize = 100,
            },
            Cancel);

        var expected = all
            .Where(d => d.Value.Category is "oil" or "wine" or null && d.Value.Price is >= 200 and < 500)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, page.Items.Select(d => d.Id));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task Count_matches_the_filter_and_refuses_unindexed_fields()
    {
        var stock = await StockAsync();
        var all = await SeedAsync(stock, 45);

        Assert.Equal(45, await stock.CountAsync(null, Cancel));
        Assert.Equal(all.Count(d => d.Value.Active && d.Value.Price >= 300), await stock.CountAsync(Filter.And(Filter.Eq("active", true), Filter.Gte("price", 300)), Cancel));
        Assert.Equal(0, await stock.CountAsync(Filter.Eq("category", "nothing-here"), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => stock.CountAsync(Filter.Eq("notIndexed", 1), Cancel));
    }

    [Fact]
    public async Task Page_size_above_the_cap_or_negative_is_refused()
    {
        var stock = await StockAsync();

        var tooBig = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stock.QueryAsync(new Query { PageSize = 101 }, Cancel));
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stock.QueryAsync(new Query { PageSize = -1 }, Cancel));

        Assert.Equal("PageSize", tooBig.ParamName);
        Assert.Contains("between 1 and 100", tooBig.Message, StringComparison.Ordinal);
        Assert.Equal("PageSize", negative.ParamName);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("eyJ4IjoxfQ")]
    [InlineData("e30")]
    public async Task A_malformed_page_token_is_refused(string token)
    {
        var stock = await StockAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stock.QueryAsync(new Query { PageToken = token }, Cancel));

        Assert.Equal("PageToken", error.ParamName);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_token_of_another_sort_order_is_refused()
    {
        var stock = await StockAsync();
        await SeedAsync(stock, 5);
        var first = await stock.QueryAsync(new Query { Sort = [SortField.Ascending("price")], PageSize = 2 }, Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => stock.QueryAsync(new Query { Sort = [SortField.DescendingBy("price")], PageToken = first.NextPageToken }, Cancel));

        Assert.Equal("PageToken", error.ParamName);
    }

    [Fact]
    public async Task Querying_a_field_that_is_not_indexed_is_refused()
    {
        var stock = await StockAsync();

        var byFilter = await Assert.ThrowsAsync<ArgumentException>(() => stock.QueryAsync(new Query { Filter = Filter.Eq("name", "x") }, Cancel));
        var bySort = await Assert.ThrowsAsync<ArgumentException>(() => stock.QueryAsync(new Query { Sort = [SortField.Ascending("available")] }, Cancel));

        Assert.Contains("'name' is not indexed", byFilter.Message, StringComparison.Ordinal);
        Assert.Contains("'available' is not indexed", bySort.Message, StringComparison.Ordinal);
    }

    private static async Task<List<Document<StockItem>>> SeedAsync(IDocumentCollection<StockItem> stock, int count)
    {
        var all = new List<Document<StockItem>>();
        for (var i = 0; i < count; i++)
        {
            // Repeated prices and categories force the id tie-breaker and the null handling to matter.
            var item = new StockItem($"SKU-{i:000}", $"Item {i}", i % 7, 100 * (i % 6), Categories[i % Categories.Length], Active: i % 4 != 0);
            all.Add(await stock.InsertAsync($"p{(i * 37) % 101:000}", item, Cancel));
        }

        return all;
    }

    private static async Task<List<string>> ReadAllPagesAsync(IDocumentCollection<StockItem> stock, Query query)
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await stock.QueryAsync(query with { PageToken = token }, Cancel);
            Assert.True(page.Items.Count <= query.PageSize);
            seen.AddRange(page.Items.Select(d => d.Id));
            token = page.NextPageToken;
            Assert.True(++pages < 100, "paging did not end");
        }
        while (token is not null);

        return seen;
    }
}
