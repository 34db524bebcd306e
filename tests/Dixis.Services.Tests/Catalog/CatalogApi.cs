using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Services.Tests.Catalog;

/// <summary>The catalog's gRPC clients plus the few steps most tests start with (a producer, a product, stock).</summary>
public sealed class CatalogApi(GrpcChannel channel)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ProductService.ProductServiceClient Products { get; } = new(channel);

    public CategoryService.CategoryServiceClient Categories { get; } = new(channel);

    public ProducerService.ProducerServiceClient Producers { get; } = new(channel);

    public InventoryService.InventoryServiceClient Inventory { get; } = new(channel);

    public SearchService.SearchServiceClient Search { get; } = new(channel);

    /// <summary>A name no other test uses: <c>prefix-1a2b3c4d</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The category with this slug anywhere in the tree.</summary>
    public async Task<Category> CategoryAsync(string slug)
    {
        var tree = await Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        return Flatten(tree).First(category => category.Slug == slug);
    }

    public async Task<Producer> NewProducerAsync(string? displayName = null) =>
        await Producers.CreateProducerAsync(
            new CreateProducerRequest
            {
                Producer = new Producer
                {
                    Slug = Unique("producer"),
                    DisplayName = displayName ?? "Κτήμα Δοκιμών",
                    Region = Text(("el", "Κρήτη"), ("en", "Crete")),
                    OriginPostalCode = "71201",
                    OriginRegionCode = "GR",
                },
            },
            CatalogCallers.Admin,
            cancellationToken: Cancellation);

    /// <summary>A valid active product of one variant, before any customization.</summary>
    public static Product SampleProduct(string categoryId, string? sku = null, long priceMinor = 1250) => new()
    {
        Slug = Unique("olive-oil"),
        CategoryId = categoryId,
        Name = Text(("el", "Εξαιρετικό παρθένο ελαιόλαδο Κορωνέικη"), ("en", "Koroneiki extra virgin olive oil")),
        Description = Text(("el", "Ψυχρής έκθλιψης από τα Χανιά."), ("en", "Cold pressed in Chania.")),
        TaxClass = TaxClass.Reduced,
        Status = ProductStatus.Active,
        Attributes = { new ProductAttribute { Key = "origin_region", Value = "crete", DisplayValue = Text(("el", "Κρήτη"), ("en", "Crete")) } },
        Images = { new ProductImage { Uri = "https://images.dixis.example/oil.jpg", AltText = Text(("en", "A bottle of oil")), Position = 0 } },
        Variants =
        {
            new Variant
            {
                Sku = sku ?? Unique("OIL"),
                Price = new Money { CurrencyCode = "EUR", AmountMinor = priceMinor },
                WeightGrams = 600,
                Dimensions = new Dimensions { LengthMm = 70, WidthMm = 70, HeightMm = 250 },
                OptionValues = { new OptionValue { Option = "volume", Value = Text(("el", "500 ml"), ("en", "500 ml")) } },
            },
        },
    };

    /// <summary>Creates a product as its producer (or as <paramref name="caller"/>).</summary>
    public async Task<Product> CreateProductAsync(Producer producer, Category category, Action<Product>? customize = null, Metadata? caller = null)
    {
        var product = SampleProduct(category.Id);
        customize?.Invoke(product);
        return await Products.CreateProductAsync(new CreateProductRequest { Product = product }, caller ?? CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
    }

    public async Task<StockLevel> RestockAsync(string sku, long units, Metadata? caller = null) =>
        (await Inventory.AdjustStockAsync(
            new AdjustStockRequest { Sku = sku, Delta = units, Reason = AdjustmentReason.Restock, RequestId = Guid.NewGuid().ToString() },
            caller ?? CatalogCallers.Admin,
            cancellationToken: Cancellation)).StockLevel;

    /// <summary>Waits until the search index is complete (its first build after start).</summary>
    public async Task WaitForSearchIndexAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            var index = await Search.GetSearchIndexAsync(new GetSearchIndexRequest(), CatalogCallers.Admin, cancellationToken: cancellationToken);
            if (index.State == SearchIndexState.Ready)
            {
                return;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"The search index did not become ready: {index}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Searches until <paramref name="done"/> holds: the index follows the store within a sync interval, so a
    /// test that just wrote waits for it (bounded) instead of sleeping a fixed time.
    /// </summary>
    public Task<SearchProductsResponse> SearchUntilAsync(SearchProductsRequest request, Func<SearchProductsResponse, bool> done) =>
        Infrastructure.Eventually.ReadAsync(() => Search.SearchProductsAsync(request, cancellationToken: Cancellation).ResponseAsync, done);

    public static LocalizedText Text(params (string Language, string Value)[] values)
    {
        var text = new LocalizedText();
        foreach (var (language, value) in values)
        {
            text.Values[language] = value;
        }

        return text;
    }

    public static IEnumerable<Category> Flatten(CategoryTree tree) => tree.Roots.SelectMany(Flatten);

    private static IEnumerable<Category> Flatten(CategoryNode node) => node.Children.SelectMany(Flatten).Prepend(node.Category);
}
