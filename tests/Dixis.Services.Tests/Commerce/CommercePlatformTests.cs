using Dixis.Contracts.Catalog.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Commerce;

/// <summary>The fixture itself: the three services start, reach each other, and products are seeded through the catalog.</summary>
public sealed class CommercePlatformTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeded_products_are_on_sale_with_their_prices_and_stock()
    {
        await using var platform = await CommercePlatform.StartAsync();

        var seeded = await platform.SeedProductAsync([new SeedVariant(PriceMinor: 899, Stock: 5), new SeedVariant(PriceMinor: 1599, Stock: 0)]);

        var variants = await platform.Catalog.Products.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { seeded.Skus } }, cancellationToken: Cancellation);
        var bySku = variants.Variants.ToDictionary(variant => variant.Sku);
        Assert.Equal(ProductStatus.Active, bySku[seeded.Skus[0]].Status);
        Assert.Equal(seeded.Producer.Id, bySku[seeded.Skus[0]].ProducerId);
        Assert.Equal(899, bySku[seeded.Skus[0]].Price.AmountMinor);
        Assert.Equal(5, bySku[seeded.Skus[0]].Available);
        Assert.Equal(1599, bySku[seeded.Skus[1]].Price.AmountMinor);
        Assert.Equal(0, bySku[seeded.Skus[1]].Available);
    }

    [Fact]
    public async Task A_restarted_service_keeps_its_data_and_is_reached_again()
    {
        await using var platform = await CommercePlatform.StartAsync();
        var seeded = await platform.SeedProductAsync();

        await platform.RestartAsync("catalog");

        var variants = await platform.Catalog.Products.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { seeded.Sku } }, cancellationToken: Cancellation);
        Assert.Equal(100, Assert.Single(variants.Variants).Available);
    }

    [Fact]
    public async Task Orders_reaches_the_catalog_through_service_discovery()
    {
        await using var platform = await CommercePlatform.StartAsync();
        var seeded = await platform.SeedProductAsync();

        // The client Orders itself uses, resolved from services:catalog:grpc:0 and routed to the catalog's TestServer.
        var catalogOfOrders = platform.OrdersService.Services.GetRequiredService<ProductService.ProductServiceClient>();
        var variants = await catalogOfOrders.BatchGetVariantsAsync(new BatchGetVariantsRequest { Skus = { seeded.Sku } }, cancellationToken: Cancellation);

        Assert.Equal(seeded.Sku, Assert.Single(variants.Variants).Sku);
    }

    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_start_and_stops_the_others()
    {
        var settings = new CommerceSettings { Orders = new CommerceServiceSettings { Values = { ["Grpc:Client:MaxAttempts"] = "0" } } };

        await Assert.ThrowsAnyAsync<Exception>(() => CommercePlatform.StartAsync(settings));
    }
}
