using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Tests;

/// <summary>
/// Product reads are cached in the catalog; a write must never leave a stale product behind. Reads go through
/// the real gateway (native gRPC and JSON); writes go straight to the catalog, which owns them.
/// </summary>
public sealed class ProductCacheTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Metadata Admin => [new("authorization", $"Bearer {TestTokenIssuer.Shared.ForUser("admin-1", [CallerRoles.Admin])}")];

    [Fact]
    public async Task After_an_update_returns_a_read_through_the_gateway_never_shows_the_old_version()
    {
        using var catalogChannel = fixture.CatalogChannel();
        var products = new ProductService.ProductServiceClient(catalogChannel);
        var product = await CreateProductAsync(catalogChannel);
        await using var gateway = fixture.CreateGatewayToCatalog();
        using var gatewayChannel = fixture.GrpcChannel(gateway);
        var viaGateway = new ProductService.ProductServiceClient(gatewayChannel);
        using var json = gateway.CreateClient();

        for (var version = 1; version <= 25; version++)
        {
            // Warm the cache with the current version, then change the product.
            await viaGateway.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation);
            var change = new Product { Id = product.Id, Brand = $"Έκδοση {version}", Name = Text(("el", $"Ελαιόλαδο {version}"), ("en", $"Olive oil {version}")) };
            var updated = await products.UpdateProductAsync(new UpdateProductRequest { Product = change, UpdateMask = new FieldMask { Paths = { "brand", "name" } } }, Admin, cancellationToken: Cancellation);

            var overGrpc = await viaGateway.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation);
            using var response = await json.GetAsync(new Uri($"/v1/products/{product.Id}", UriKind.Relative), Cancellation);
            var overJson = JsonParser.Default.Parse<Product>(await response.Content.ReadAsStringAsync(Cancellation));
            var bySlug = await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = product.Slug }, cancellationToken: Cancellation);

            Assert.Equal(updated, overGrpc);
            Assert.Equal(updated, overJson);
            Assert.Equal(updated.Etag, bySlug.Etag);
            Assert.Equal($"Έκδοση {version}", overGrpc.Brand);
        }
    }

    [Fact]
    public async Task Stock_slug_and_status_changes_show_through_the_gateway_at_once()
    {
        using var catalogChannel = fixture.CatalogChannel();
        var product = await CreateProductAsync(catalogChannel);
        await using var gateway = fixture.CreateGatewayToCatalog();
        using var gatewayChannel = fixture.GrpcChannel(gateway);
        var viaGateway = new ProductService.ProductServiceClient(gatewayChannel);
        Assert.False((await viaGateway.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation)).Variants[0].InStock);

        await new InventoryService.InventoryServiceClient(catalogChannel).AdjustStockAsync(
            new AdjustStockRequest { Sku = product.Variants[0].Sku, Delta = 5, Reason = AdjustmentReason.Restock, RequestId = Guid.NewGuid().ToString() }, Admin, cancellationToken: Cancellation);
        Assert.True((await viaGateway.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation)).Variants[0].InStock);

        await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = product.Slug }, cancellationToken: Cancellation);
        var newSlug = product.Slug + "-renamed";
        await new ProductService.ProductServiceClient(catalogChannel).UpdateProductAsync(
            new UpdateProductRequest { Product = new Product { Id = product.Id, Slug = newSlug }, UpdateMask = new FieldMask { Paths = { "slug" } } }, Admin, cancellationToken: Cancellation);
        var oldSlug = await Assert.ThrowsAsync<RpcException>(() => viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = product.Slug }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, oldSlug.StatusCode);
        Assert.Equal(product.Id, (await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = newSlug }, cancellationToken: Cancellation)).Id);

        await new ProductService.ProductServiceClient(catalogChannel).ArchiveProductAsync(new ArchiveProductRequest { ProductId = product.Id }, Admin, cancellationToken: Cancellation);
        var archived = await Assert.ThrowsAsync<RpcException>(() => viaGateway.GetProductAsync(new GetProductRequest { ProductId = product.Id }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, archived.StatusCode);
    }

    [Fact]
    public async Task A_product_asked_for_before_it_exists_is_served_as_soon_as_it_is_created()
    {
        using var catalogChannel = fixture.CatalogChannel();
        var products = new ProductService.ProductServiceClient(catalogChannel);
        await using var gateway = fixture.CreateGatewayToCatalog();
        using var gatewayChannel = fixture.GrpcChannel(gateway);
        var viaGateway = new ProductService.ProductServiceClient(gatewayChannel);
        var slug = $"cache-test-later-{Guid.NewGuid():N}"[..36];

        // Asked for twice before it exists: a cached "not found" would answer the second time, and after the create.
        await AssertNoProductWithSlugAsync(viaGateway, slug);
        await AssertNoProductWithSlugAsync(viaGateway, slug);
        var created = await CreateProductAsync(catalogChannel, slug);
        Assert.Equal(created.Etag, (await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug }, cancellationToken: Cancellation)).Etag);
        Assert.Equal(created.Etag, (await viaGateway.GetProductAsync(new GetProductRequest { ProductId = created.Id }, cancellationToken: Cancellation)).Etag);

        // The slug given up by a rename belongs to the next product that takes it, at once.
        await products.UpdateProductAsync(
            new UpdateProductRequest { Product = new Product { Id = created.Id, Slug = slug + "-old" }, UpdateMask = new FieldMask { Paths = { "slug" } } }, Admin, cancellationToken: Cancellation);
        await AssertNoProductWithSlugAsync(viaGateway, slug);
        var successor = await CreateProductAsync(catalogChannel, slug);
        Assert.Equal(successor.Id, (await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug }, cancellationToken: Cancellation)).Id);
        Assert.Equal(created.Id, (await viaGateway.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug + "-old" }, cancellationToken: Cancellation)).Id);
    }

    private static async Task AssertNoProductWithSlugAsync(ProductService.ProductServiceClient products, string slug)
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => products.GetProductBySlugAsync(new GetProductBySlugRequest { Slug = slug }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<Product> CreateProductAsync(Grpc.Net.Client.GrpcChannel catalog, string? slug = null)
    {
        var producer = await new ProducerService.ProducerServiceClient(catalog).CreateProducerAsync(
            new CreateProducerRequest { Producer = new Producer { Slug = $"cache-test-{Guid.NewGuid():N}"[..30], DisplayName = "Ελαιώνες Δοκιμής" } }, Admin, cancellationToken: Cancellation);
        var tree = await new CategoryService.CategoryServiceClient(catalog).GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        var category = tree.Roots.Single(root => root.Category.Slug == "olive-oil").Children[0].Category;
        return await new ProductService.ProductServiceClient(catalog).CreateProductAsync(
            new CreateProductRequest
            {
                Product = new Product
                {
                    ProducerId = producer.Id,
                    Slug = slug ?? $"cache-test-oil-{Guid.NewGuid():N}"[..36],
                    CategoryId = category.Id,
                    Name = Text(("el", "Ελαιόλαδο"), ("en", "Olive oil")),
                    TaxClass = TaxClass.Reduced,
                    Status = ProductStatus.Active,
                    Variants = { new Variant { Sku = $"CACHE-{Guid.NewGuid():N}"[..20], Price = new Money { CurrencyCode = "EUR", AmountMinor = 1450 }, WeightGrams = 1100 } },
                },
            },
            Admin,
            cancellationToken: Cancellation);
    }

    private static LocalizedText Text(params (string Language, string Value)[] values)
    {
        var text = new LocalizedText();
        foreach (var (language, value) in values)
        {
            text.Values[language] = value;
        }

        return text;
    }
}
