using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Lucene.Net.Search;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

/// <summary>
/// Many products that tie on every primary key, spread over several segments with their ids interleaved: the id
/// tie-break compares ordinals within a segment and strings across segments, and both must give one order.
/// </summary>
public sealed class TiesAcrossSegmentsTests : IAsyncLifetime
{
    private const int ProductCount = 60;
    private const int Batches = 4;

    private readonly Dictionary<string, ProductSearchDocument> products = [];

    private TemporarySearchIndex index = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<ProductSearchSort, string> SortsAndTexts()
    {
        var data = new TheoryData<ProductSearchSort, string>();
        foreach (var sort in Enum.GetValues<ProductSearchSort>())
        {
            data.Add(sort, string.Empty);
            data.Add(sort, "feta");
        }

        return data;
    }

    public static TheoryData<ProductSearchSort, string, int> PagedSearches()
    {
        var data = new TheoryData<ProductSearchSort, string, int>();
        foreach (var sort in Enum.GetValues<ProductSearchSort>())
        {
            foreach (var text in new[] { string.Empty, "feta" })
            {
                foreach (var pageSize in new[] { 1, 4, 7 })
                {
                    data.Add(sort, text, pageSize);
                }
            }
        }

        return data;
    }

    public static TheoryData<ProductSearchSort, CursorProductChange> SortsAndChanges()
    {
        var data = new TheoryData<ProductSearchSort, CursorProductChange>();
        foreach (var sort in Enum.GetValues<ProductSearchSort>())
        {
            foreach (var change in Enum.GetValues<CursorProductChange>())
            {
                data.Add(sort, change);
            }
        }

        return data;
    }

    /// <summary>What happens to the product a cursor points at before the next page is asked for.</summary>
    public enum CursorProductChange
    {
        /// <summary>Deleted: its id is left only on a deleted document of its old segment.</summary>
        Deleted,

        /// <summary>Written again unchanged: the same id and sort keys, now in a segment of its own.</summary>
        Rewritten,

        /// <summary>Written again dearer and older: it moves later (price ascending, newest), earlier (price descending) or nowhere (relevance).</summary>
        Moved,
    }

    public async ValueTask InitializeAsync()
    {
        // Ids share a long prefix, like the UUIDs products have, and are even so that the odd ones lie between them.
        var all = Enumerable.Range(1, ProductCount)
            .Select(number => Product(Id(2 * number), "Φέτα", "Feta", Cheese, EpirusDairy, [number % 2 == 0 ? 690 : 450], publishedDay: number % 3))
            .ToArray();
        new Random(20250301).Shuffle(all);
        index = await TemporarySearchIndex.OpenAsync();
        foreach (var batch in all.Chunk(ProductCount / Batches))
        {
            // Each refresh writes the batch as its own segment; the shuffle puts ids from all over the order in each.
            await Write(batch);
        }

        Assert.True(index.Index.SegmentCount >= 3, $"expected several segments, found {index.Index.SegmentCount}");
    }

    public async ValueTask DisposeAsync() => await index.DisposeAsync();

    [Theory]
    [MemberData(nameof(SortsAndTexts))]
    public async Task Ties_spread_over_segments_come_in_product_id_order(ProductSearchSort sort, string text)
    {
        var hits = await index.IdsAsync(new ProductSearchQuery { Text = text, Sort = sort });

        Assert.Equal(Ordered(sort, products.Values).Select(product => product.ProductId), hits);
    }

    [Theory]
    [MemberData(nameof(PagedSearches))]
    public async Task Small_pages_over_ties_spread_over_segments_return_each_product_once_in_the_order_of_one_big_page(ProductSearchSort sort, string text, int pageSize)
    {
        var query = new ProductSearchQuery { Text = text, Sort = sort, PageSize = pageSize };
        var everything = await index.IdsAsync(query);

        var paged = await index.PageThroughAsync(query);

        Assert.Equal(ProductCount, everything.Count);
        Assert.Equal(everything, paged);
    }

    [Fact]
    public async Task Suggestions_that_tie_across_segments_come_in_product_id_order()
    {
        var suggestions = await index.Index.SuggestAsync("fet", "en", 10, Cancel);

        Assert.Equal(products.Keys.Order(StringComparer.Ordinal).Take(10), suggestions.Select(suggestion => suggestion.ProductId));
    }

    [Theory]
    [MemberData(nameof(SortsAndTexts))]
    public async Task A_cursor_at_an_id_no_segment_holds_continues_with_the_next_greater_id(ProductSearchSort sort, string text)
    {
        var ordered = Ordered(sort, products.Values);
        var score = await ScoreOfEveryMatchAsync(text);
        for (var position = 0; position < ordered.Count; position++)
        {
            var product = ordered[position];
            var number = Convert.ToInt32(product.ProductId[^12..], 16);

            // Just below the product's id, then just above it, with the product's primary key: it comes next, then the one after it.
            var justBelow = await ContinueAfterAsync(sort, text, Primary(sort, product, score), Id(number - 1));
            var justAbove = await ContinueAfterAsync(sort, text, Primary(sort, product, score), Id(number + 1));

            Assert.Equal(ordered.Skip(position).Take(3).Select(next => next.ProductId), justBelow);
            Assert.Equal(ordered.Skip(position + 1).Take(3).Select(next => next.ProductId), justAbove);
        }
    }

    [Theory]
    [MemberData(nameof(SortsAndChanges))]
    public async Task Each_page_continues_after_its_cursor_when_the_cursor_product_changed_between_pages(ProductSearchSort sort, CursorProductChange change)
    {
        const int pageSize = 3;
        var query = new ProductSearchQuery { Sort = sort, PageSize = pageSize };
        var page = await index.SearchAsync(query);
        Assert.Equal(Ordered(sort, products.Values).Take(pageSize).Select(product => product.ProductId), page.Hits.Select(hit => hit.ProductId));
        for (var pages = 1; page.NextCursor is not null; pages++)
        {
            Assert.True(pages < 2 * ProductCount, "paging does not end");
            var last = products[page.Hits[^1].ProductId];
            await ChangeAsync(last, change);

            // What follows the cursor's position as it was, among the products as they are now.
            var expected = Ordered(sort, products.Values.Where(product => Follows(sort, product, last))).Take(pageSize);
            page = await index.SearchAsync(query with { Cursor = page.NextCursor });

            Assert.Equal(expected.Select(product => product.ProductId), page.Hits.Select(hit => hit.ProductId));
        }
    }

    private static string Id(int number) => $"0197a3c2-5e10-7000-8000-{number:x12}";

    /// <summary>The sort's primary key as an ascending number: every match of a query scores the same, so relevance is id order alone.</summary>
    private static long Key(ProductSearchSort sort, ProductSearchDocument product) => sort switch
    {
        ProductSearchSort.Relevance => 0,
        ProductSearchSort.PriceAscending => product.MinPriceMinor,
        ProductSearchSort.PriceDescending => -product.MinPriceMinor,
        ProductSearchSort.Newest => -product.PublishTimeMs,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    private static List<ProductSearchDocument> Ordered(ProductSearchSort sort, IEnumerable<ProductSearchDocument> products) =>
        [.. products.OrderBy(product => Key(sort, product)).ThenBy(product => product.ProductId, StringComparer.Ordinal)];

    private static bool Follows(ProductSearchSort sort, ProductSearchDocument product, ProductSearchDocument cursor) =>
        Key(sort, product) != Key(sort, cursor)
            ? Key(sort, product) > Key(sort, cursor)
            : string.CompareOrdinal(product.ProductId, cursor.ProductId) > 0;

    /// <summary>The sort value a cursor holds for <paramref name="product"/>.</summary>
    private static object Primary(ProductSearchSort sort, ProductSearchDocument product, float score) => sort switch
    {
        ProductSearchSort.Relevance => J2N.Numerics.Single.GetInstance(score),
        ProductSearchSort.Newest => J2N.Numerics.Int64.GetInstance(product.PublishTimeMs),
        _ => J2N.Numerics.Int64.GetInstance(product.MinPriceMinor),
    };

    private async Task Write(IReadOnlyCollection<ProductSearchDocument> batch)
    {
        foreach (var product in batch)
        {
            products[product.ProductId] = product;
        }

        await index.Index.UpsertAsync(batch, Cancel);
        await index.Index.RefreshAsync(Cancel);
    }

    private async Task ChangeAsync(ProductSearchDocument product, CursorProductChange change)
    {
        switch (change)
        {
            case CursorProductChange.Deleted:
                products.Remove(product.ProductId);
                await index.Index.DeleteAsync([product.ProductId], Cancel);
                await index.Index.RefreshAsync(Cancel);
                break;
            case CursorProductChange.Rewritten:
                await Write([product]);
                break;
            case CursorProductChange.Moved:
                await Write([product with { MinPriceMinor = product.MinPriceMinor + 1000, PublishTimeMs = product.PublishTimeMs - (long)TimeSpan.FromDays(30).TotalMilliseconds }]);
                break;
        }
    }

    /// <summary>The score every match of <paramref name="text"/> has, as a cursor carries it.</summary>
    private async Task<float> ScoreOfEveryMatchAsync(string text)
    {
        var first = await index.SearchAsync(new ProductSearchQuery { Text = text, PageSize = 1 });
        var cursor = SearchCursor.Decode(first.NextCursor!, ProductSearchSort.Relevance);
        return ((J2N.Numerics.Single)cursor.Fields[0]).ToSingle();
    }

    private async Task<IEnumerable<string>> ContinueAfterAsync(ProductSearchSort sort, string text, object primary, string id)
    {
        var cursor = SearchCursor.Encode(sort, new FieldDoc(0, float.NaN, [primary, id]));
        var page = await index.SearchAsync(new ProductSearchQuery { Text = text, Sort = sort, PageSize = 3, Cursor = cursor });
        return page.Hits.Select(hit => hit.ProductId);
    }
}
