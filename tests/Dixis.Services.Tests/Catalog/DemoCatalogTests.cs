using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;

namespace Dixis.Services.Tests.Catalog;

/// <summary>The demo catalog a developer sees on first start: producers, products with stock, searchable.</summary>
public sealed class DemoCatalogTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_start_seeds_producers_and_searchable_products_with_stock_once()
    {
        var dataDirectory = TemporaryDirectory.Create();
        try
        {
            var settings = new ServiceSettings(dataDirectory) { Values = { ["Catalog:DemoProductCount"] = "80" } };
            long total;
            await using (var catalog = DixisServices.Start("catalog", settings))
            {
                using var channel = catalog.CreateGrpcChannel();
                var api = new CatalogApi(channel);
                await api.WaitForSearchIndexAsync(Cancellation);

                var producers = await api.Producers.ListProducersAsync(new ListProducersRequest { PageSize = 200 }, cancellationToken: Cancellation);
                Assert.True(producers.Producers.Count >= 30, $"Expected at least 30 demo producers, got {producers.Producers.Count}.");

                var everything = await api.Search.SearchProductsAsync(new SearchProductsRequest { IncludeFacets = true }, cancellationToken: Cancellation);
                total = everything.TotalSize;
                Assert.InRange(total, 70, 80);
                Assert.Contains(everything.Results, hit => hit.InStock);
                Assert.All(everything.Results, hit => Assert.NotEmpty(hit.Name.Values["el"]));

                var product = await api.Products.GetProductAsync(new GetProductRequest { ProductId = everything.Results[0].ProductId }, cancellationToken: Cancellation);
                Assert.NotEmpty(product.Name.Values["en"]);
                var adjustments = await api.Inventory.ListStockAdjustmentsAsync(new ListStockAdjustmentsRequest { Sku = product.Variants[0].Sku }, CatalogCallers.Admin, cancellationToken: Cancellation);
                Assert.True(adjustments.Adjustments.Count <= 1, "Opening stock is one audited restock at most.");
            }

            // A restart on the same store seeds nothing more: counts and stock stay as they were.
            await using var restarted = DixisServices.Start("catalog", new ServiceSettings(dataDirectory) { Values = { ["Catalog:DemoProductCount"] = "80" } });
            using var again = restarted.CreateGrpcChannel();
            var restartedApi = new CatalogApi(again);
            await restartedApi.WaitForSearchIndexAsync(Cancellation);
            Assert.Equal(total, (await restartedApi.Search.SearchProductsAsync(new SearchProductsRequest(), cancellationToken: Cancellation)).TotalSize);
        }
        finally
        {
            TemporaryDirectory.Delete(dataDirectory);
        }
    }
}
