using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// <c>SearchService</c> on the real catalog, fed by the real synchronizer from the store: what a shopper types,
/// what a shop filters, and every bad request. Each test searches within its own fresh producer's products.
/// </summary>
public sealed class SearchServiceTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    [Theory]
    [InlineData("ελαιολαδο")]
    [InlineData("ΕΛΑΙΌΛΑΔΟ")]
    [InlineData("ελαιολδο")]
    [InlineData("feta")]
    [InlineData("FETA")]
    [InlineData("fetta")]
    public async Task Case_accents_and_typos_do_not_keep_a_shopper_from_a_product(string typed)
    {
        var (producer, _) = await ShopAsync();
        var expected = typed.Contains("fet", StringComparison.OrdinalIgnoreCase) ? "Φέτα" : "Ελαιόλαδο";

        var found = await Api.SearchUntilAsync(Query(producer, typed), r => r.Results.Count > 0);

        Assert.NotEmpty(found.Results);
        Assert.StartsWith(expected, found.Results[0].Name.Values["el"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("*:*")]
    [InlineData("name:feta")]
    [InlineData("\"feta")]
    [InlineData("feta~2 OR \\")]
    [InlineData("+-!(){}[]^~*?:/")]
    public async Task Query_syntax_typed_by_a_user_is_plain_text(string typed)
    {
        var (producer, _) = await ShopAsync();
        await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3);

        var found = await Api.Search.SearchProductsAsync(Query(producer, typed), cancellationToken: Cancellation);

        // Never an error, never "everything": the words are matched as words, so a quoted word still finds it.
        Assert.True(found.TotalSize < 3, $"'{typed}' matched {found.TotalSize} products as if it were query syntax.");
        if (typed == "\"feta")
        {
            Assert.Contains(found.Results, hit => hit.Name.Values["en"].Contains("Feta", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Facet_counts_match_what_filtering_by_each_value_returns()
    {
        var (producer, _) = await ShopAsync();
        var all = await Api.SearchUntilAsync(Query(producer, string.Empty, facets: true), r => r.TotalSize == 3);
        Assert.Equal(3, all.TotalSize);

        var categories = all.Facets.Single(f => f.Kind == FacetKind.Category);
        foreach (var bucket in categories.Buckets)
        {
            var filtered = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { CategoryId = bucket.Value }, cancellationToken: Cancellation);
            Assert.Equal(bucket.Count, filtered.TotalSize);
            Assert.NotEmpty(bucket.Label.Values["el"]);
        }

        var regions = all.Facets.Single(f => f.Kind == FacetKind.Attribute && f.AttributeKey == "origin_region");
        foreach (var bucket in regions.Buckets)
        {
            var filtered = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { AttributeFilters = { $"origin_region:{bucket.Value}" } }, cancellationToken: Cancellation);
            Assert.Equal(bucket.Count, filtered.TotalSize);
        }

        Assert.Equal(3, all.Facets.Single(f => f.Kind == FacetKind.Producer).Buckets.Single(b => b.Value == producer.Id).Count);
        Assert.True(all.Facets.Single(f => f.Kind == FacetKind.Producer).Buckets.Single().Selected);
        var prices = all.Facets.Single(f => f.Kind == FacetKind.Price);
        Assert.Equal(3, prices.Buckets.Sum(b => b.Count));
        Assert.Contains("€", prices.Buckets[0].Label.Values["el"], StringComparison.Ordinal);
        foreach (var bucket in prices.Buckets)
        {
            // A bucket's value is an inclusive range: used as the price filter, it selects exactly its products.
            var bounds = bucket.Value.Split('-');
            var filter = new SearchProductsRequest(Query(producer, string.Empty));
            if (bounds[0].Length > 0)
            {
                filter.MinPriceMinor = long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (bounds[1].Length > 0)
            {
                filter.MaxPriceMinor = long.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.Equal(bucket.Count, (await Api.Search.SearchProductsAsync(filter, cancellationToken: Cancellation)).TotalSize);
        }
    }

    [Fact]
    public async Task A_category_filter_takes_its_subtree_and_a_price_range_needs_a_variant_inside_it()
    {
        var (producer, products) = await ShopAsync();
        await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3);

        var cheese = await Api.CategoryAsync("cheese");
        var inCheese = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { CategoryId = cheese.Id }, cancellationToken: Cancellation);
        Assert.Equal([products["feta"].Id, products["graviera"].Id], inCheese.Results.Select(r => r.ProductId).Order());

        var midRange = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { MinPriceMinor = 800, MaxPriceMinor = 1300 }, cancellationToken: Cancellation);
        Assert.Equal([products["oil"].Id], midRange.Results.Select(r => r.ProductId));
        var cheapest = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { Sort = ProductSort.PriceAscending }, cancellationToken: Cancellation);
        Assert.Equal(products["feta"].Id, cheapest.Results[0].ProductId);
    }

    [Fact]
    public async Task Paging_through_the_results_returns_every_match_exactly_once()
    {
        var producer = await Api.NewProducerAsync();
        var category = await Api.CategoryAsync("thyme-honey");
        var created = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            created.Add((await Api.CreateProductAsync(producer, category, p =>
            {
                p.Name = CatalogApi.Text(("el", $"Θυμαρίσιο μέλι {i}"), ("en", $"Thyme honey {i}"));
                p.Variants[0].Price.AmountMinor = 900 + (i % 3 * 100);
            })).Id);
        }

        await Api.SearchUntilAsync(Query(producer, "μέλι"), r => r.TotalSize == 11);
        foreach (var sort in new[] { ProductSort.Relevance, ProductSort.PriceAscending, ProductSort.PriceDescending, ProductSort.Newest })
        {
            var seen = new List<string>();
            var request = new SearchProductsRequest(Query(producer, "μέλι")) { Sort = sort, PageSize = 4 };
            do
            {
                var page = await Api.Search.SearchProductsAsync(request, cancellationToken: Cancellation);
                Assert.Equal(11, page.TotalSize);
                seen.AddRange(page.Results.Select(r => r.ProductId));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            Assert.Equal(created.Order(), seen.Order());
        }
    }

    [Fact]
    public async Task Stock_archive_and_suspension_reach_the_index()
    {
        var (producer, products) = await ShopAsync();
        var inStock = new SearchProductsRequest(Query(producer, string.Empty)) { InStockOnly = true };
        Assert.Equal(0, (await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3)).Results.Count(r => r.InStock));

        await Api.RestockAsync(products["oil"].Variants[0].Sku, 4);
        var stocked = await Api.SearchUntilAsync(inStock, r => r.TotalSize == 1);
        Assert.Equal([products["oil"].Id], stocked.Results.Select(r => r.ProductId));

        await Api.Products.ArchiveProductAsync(new ArchiveProductRequest { ProductId = products["feta"].Id }, CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        Assert.Equal(2, (await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 2)).TotalSize);

        await Api.Producers.UpdateProducerAsync(
            new UpdateProducerRequest { Producer = new Producer { Id = producer.Id, State = ProducerState.Suspended }, UpdateMask = new FieldMask { Paths = { "state" } } },
            CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal(0, (await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 0)).TotalSize);
    }

    [Fact]
    public async Task Suggestions_complete_categories_producers_and_product_names()
    {
        var (producer, _) = await ShopAsync();
        await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3);

        var greek = await Api.Search.SuggestProductsAsync(new SuggestProductsRequest { Query = "ελαιο", LanguageCode = "el", MaxSuggestions = 20 }, cancellationToken: Cancellation);
        Assert.Contains(greek.Suggestions, s => s.Kind == SuggestionKind.Category && s.Text == "Ελαιόλαδο");
        Assert.Contains(greek.Suggestions, s => s.Kind == SuggestionKind.Product && s.Text.StartsWith("Ελαιόλαδο", StringComparison.Ordinal));

        var english = await Api.Search.SuggestProductsAsync(new SuggestProductsRequest { Query = "gravi", LanguageCode = "en" }, cancellationToken: Cancellation);
        Assert.Contains(english.Suggestions, s => s.Text == "Graviera");
        Assert.True(english.Suggestions.Count <= 8);

        await RpcAssert.InvalidFieldAsync(() => Api.Search.SuggestProductsAsync(new SuggestProductsRequest { Query = " " }, cancellationToken: Cancellation), "query");
        await RpcAssert.InvalidFieldAsync(() => Api.Search.SuggestProductsAsync(new SuggestProductsRequest { Query = new string('μ', 101) }, cancellationToken: Cancellation), "query", "QUERY_TOO_LONG");
        await RpcAssert.InvalidFieldAsync(() => Api.Search.SuggestProductsAsync(new SuggestProductsRequest { Query = "μ", MaxSuggestions = 21 }, cancellationToken: Cancellation), "max_suggestions");
    }

    [Theory]
    [InlineData("too-long", "query", "QUERY_TOO_LONG")]
    [InlineData("unknown-sort", "sort", "INVALID_FIELD")]
    [InlineData("page-size", "page_size", "PAGE_SIZE_TOO_LARGE")]
    [InlineData("language", "language_code", "INVALID_FIELD")]
    [InlineData("price-range", "max_price_minor", "INVALID_FIELD")]
    [InlineData("negative-price", "min_price_minor", "INVALID_FIELD")]
    [InlineData("attribute", "attribute_filters[0]", "INVALID_FIELD")]
    [InlineData("category", "category_id", "CATEGORY_NOT_FOUND")]
    [InlineData("token", "page_token", "INVALID_PAGE_TOKEN")]
    public async Task Bad_searches_are_refused_naming_the_field(string fault, string field, string reason)
    {
        var request = new SearchProductsRequest { Query = "μέλι" };
        switch (fault)
        {
            case "too-long": request.Query = new string('α', 257); break;
            case "unknown-sort": request.Sort = (ProductSort)99; break;
            case "page-size": request.PageSize = 101; break;
            case "language": request.LanguageCode = "fr"; break;
            case "price-range": request.MinPriceMinor = 500; request.MaxPriceMinor = 100; break;
            case "negative-price": request.MinPriceMinor = -1; break;
            case "attribute": request.AttributeFilters.Add("Origin Region=crete"); break;
            case "category": request.CategoryId = "no-such-category"; break;
            case "token": request.PageToken = "bm90LWEtdG9rZW4"; break;
        }

        await RpcAssert.InvalidFieldAsync(() => Api.Search.SearchProductsAsync(request, cancellationToken: Cancellation), field, reason);
    }

    [Fact]
    public async Task A_page_token_works_only_for_the_search_that_issued_it()
    {
        var (producer, _) = await ShopAsync();
        var first = await Api.SearchUntilAsync(new SearchProductsRequest(Query(producer, string.Empty)) { PageSize = 1 }, r => r.NextPageToken.Length > 0);

        await RpcAssert.InvalidFieldAsync(
            () => Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, "feta")) { PageSize = 1, PageToken = first.NextPageToken }, cancellationToken: Cancellation),
            "page_token", "INVALID_PAGE_TOKEN");
        var second = await Api.Search.SearchProductsAsync(new SearchProductsRequest(Query(producer, string.Empty)) { PageSize = 1, PageToken = first.NextPageToken }, cancellationToken: Cancellation);
        Assert.NotEqual(first.Results[0].ProductId, second.Results[0].ProductId);
    }

    [Fact]
    public async Task Administrators_see_the_index_state_and_rebuild_it_while_searches_keep_answering()
    {
        var (producer, _) = await ShopAsync();
        await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3);
        await RpcAssert.FailsAsync(() => Api.Search.GetSearchIndexAsync(new GetSearchIndexRequest(), CatalogCallers.Customer, cancellationToken: Cancellation), StatusCode.PermissionDenied);
        await RpcAssert.FailsAsync(() => Api.Search.RebuildSearchIndexAsync(new RebuildSearchIndexRequest(), CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation), StatusCode.PermissionDenied);

        var before = await Api.Search.GetSearchIndexAsync(new GetSearchIndexRequest(), CatalogCallers.Admin, cancellationToken: Cancellation);
        var rebuild = await Api.Search.RebuildSearchIndexAsync(new RebuildSearchIndexRequest(), CatalogCallers.Admin, cancellationToken: Cancellation);
        Assert.Equal("lucene", before.Engine);
        Assert.Equal(SearchIndexState.Ready, before.State);
        Assert.True(rebuild.ProductCount >= 3);
        Assert.Equal(3, (await Api.Search.SearchProductsAsync(Query(producer, string.Empty), cancellationToken: Cancellation)).TotalSize);

        var after = await Eventually.ReadAsync(
            () => Api.Search.GetSearchIndexAsync(new GetSearchIndexRequest(), CatalogCallers.Admin, cancellationToken: Cancellation).ResponseAsync,
            index => index.State == SearchIndexState.Ready && index.LastRebuildDuration is not null && index.LastRebuildStartTime.ToDateTimeOffset() >= before.SyncedThroughTime.ToDateTimeOffset().AddSeconds(-10));
        Assert.NotNull(after.LastRebuildDuration);
        Assert.Equal(3, (await Api.SearchUntilAsync(Query(producer, string.Empty), r => r.TotalSize == 3)).TotalSize);
    }

    /// <summary>A fresh producer with three products: olive oil from Lesvos, feta from Epirus, graviera from Crete.</summary>
    private async Task<(Producer Producer, Dictionary<string, Product> Products)> ShopAsync()
    {
        var producer = await Api.NewProducerAsync();
        var products = new Dictionary<string, Product>
        {
            ["oil"] = await Api.CreateProductAsync(producer, await Api.CategoryAsync("extra-virgin-olive-oil"), p =>
            {
                p.Name = CatalogApi.Text(("el", "Ελαιόλαδο Λέσβου"), ("en", "Lesvos olive oil"));
                p.Variants[0].Price.AmountMinor = 1200;
                p.Attributes[0] = Region("lesvos", "Λέσβος", "Lesvos");
            }),
            ["feta"] = await Api.CreateProductAsync(producer, await Api.CategoryAsync("feta"), p =>
            {
                p.Name = CatalogApi.Text(("el", "Φέτα ΠΟΠ Ηπείρου"), ("en", "Feta PDO from Epirus"));
                p.Variants[0].Price.AmountMinor = 650;
                p.Attributes[0] = Region("epirus", "Ήπειρος", "Epirus");
            }),
            ["graviera"] = await Api.CreateProductAsync(producer, await Api.CategoryAsync("graviera"), p =>
            {
                p.Name = CatalogApi.Text(("el", "Γραβιέρα Κρήτης"), ("en", "Cretan graviera"));
                p.Variants[0].Price.AmountMinor = 1450;
            }),
        };
        return (producer, products);
    }

    private static SearchProductsRequest Query(Producer producer, string text, bool facets = false) =>
        new() { Query = text, ProducerIds = { producer.Id }, IncludeFacets = facets, PageSize = 50 };

    private static ProductAttribute Region(string value, string el, string en) =>
        new() { Key = "origin_region", Value = value, DisplayValue = new LocalizedText { Values = { ["el"] = el, ["en"] = en } } };
}
