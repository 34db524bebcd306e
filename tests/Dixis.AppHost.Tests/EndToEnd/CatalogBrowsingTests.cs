using System.Text.Json;
using Dixis.AppHost.Tests.Fixtures;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Dixis.AppHost.Tests.EndToEnd;

/// <summary>
/// A shopper's first minute, through the gateway of the real platform with its seeded demo catalog: browse the
/// category tree, search, open a product — once in native gRPC and once in JSON, with the same answers.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogBrowsingTests(PlatformFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_browses_searches_and_opens_a_product_over_grpc()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var categories = new CategoryService.CategoryServiceClient(channel);
        var search = new SearchService.SearchServiceClient(channel);
        var products = new ProductService.ProductServiceClient(channel);

        // The demo catalog a developer starts with: at least 30 producers and 1,000 products.
        var everything = await search.SearchProductsAsync(new SearchProductsRequest(), deadline: Deadline(), cancellationToken: Cancellation);
        Assert.True(everything.TotalSize >= 1_000, $"Expected at least 1,000 searchable demo products, got {everything.TotalSize}.");
        var producers = await new ProducerService.ProducerServiceClient(channel).ListProducersAsync(new ListProducersRequest { PageSize = 200 }, deadline: Deadline(), cancellationToken: Cancellation);
        Assert.True(producers.Producers.Count >= 30, $"Expected at least 30 demo producers, got {producers.Producers.Count}.");

        var tree = await categories.GetCategoryTreeAsync(new GetCategoryTreeRequest { LanguageCode = "el" }, deadline: Deadline(), cancellationToken: Cancellation);
        var oliveOil = tree.Roots.Single(root => root.Category.Slug == "olive-oil").Category;
        Assert.True(oliveOil.ProductCount > 0, "The demo catalog counts products under Olive oil.");

        // Typed without accents, in lower case: still finds «Ελαιόλαδο».
        var found = await search.SearchProductsAsync(
            new SearchProductsRequest { Query = "ελαιολαδο", CategoryId = oliveOil.Id, IncludeFacets = true, PageSize = 10 },
            deadline: Deadline(), cancellationToken: Cancellation);
        Assert.NotEmpty(found.Results);
        Assert.True(found.TotalSize >= found.Results.Count);
        Assert.Contains(found.Facets, facet => facet.Kind == FacetKind.Producer && facet.Buckets.Count > 0);

        var opened = await products.GetProductAsync(new GetProductRequest { ProductId = found.Results[0].ProductId }, deadline: Deadline(), cancellationToken: Cancellation);
        Assert.Equal(found.Results[0].Slug, opened.Slug);
        Assert.Equal(ProductStatus.Active, opened.Status);
        Assert.NotEmpty(opened.Variants);
    }

    [Fact]
    public async Task The_same_walk_over_json_gives_the_same_answers()
    {
        using var json = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(30) };
        using var grpcChannel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));

        var tree = JsonParser.Default.Parse<CategoryTree>(await GetAsync(json, "/v1/categories:tree?languageCode=en"));
        var honey = tree.Roots.Single(root => root.Category.Slug == "honey").Category;

        var searchPath = $"/v1/products:search?query=honey&categoryId={honey.Id}&includeFacets=true&pageSize=5";
        var overJson = JsonParser.Default.Parse<SearchProductsResponse>(await GetAsync(json, searchPath));
        var overGrpc = await new SearchService.SearchServiceClient(grpcChannel).SearchProductsAsync(
            new SearchProductsRequest { Query = "honey", CategoryId = honey.Id, IncludeFacets = true, PageSize = 5 }, deadline: Deadline(), cancellationToken: Cancellation);
        Assert.NotEmpty(overJson.Results);
        Assert.Equal(overGrpc.Results, overJson.Results);
        Assert.Equal(overGrpc.TotalSize, overJson.TotalSize);

        var first = overJson.Results[0];
        var product = JsonParser.Default.Parse<Product>(await GetAsync(json, $"/v1/products/{first.ProductId}"));
        var bySlug = JsonParser.Default.Parse<Product>(await GetAsync(json, $"/v1/products:bySlug?slug={first.Slug}"));
        Assert.Equal(product, bySlug);
        Assert.Equal(first.ProductId, product.Id);

        var suggestions = JsonParser.Default.Parse<SuggestProductsResponse>(await GetAsync(json, "/v1/products:suggest?query=hon&languageCode=en"));
        Assert.Contains(suggestions.Suggestions, suggestion => suggestion.Text.Contains("oney", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_bad_search_gets_a_precise_error_in_json()
    {
        using var json = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(30) };

        using var response = await json.GetAsync(new Uri($"/v1/products:search?query={new string('a', 257)}", UriKind.Relative), Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(3, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("QUERY_TOO_LONG", body.RootElement.GetProperty("details").GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient json, string path)
    {
        using var response = await json.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return body;
    }

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(15);
}
