using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// The oversell scenario of the inventory, on whichever store the catalog runs: 200 parallel reservations of one
/// unit each against a fresh SKU with 50 on hand.
/// </summary>
public static class OversellScenario
{
    public const int Callers = 200;
    public const long Stock = 50;

    public static async Task<Outcome> RunAsync(CatalogApi api, CancellationToken cancellationToken)
    {
        var product = await api.CreateProductAsync(await api.NewProducerAsync(), await api.CategoryAsync("feta"));
        var sku = product.Variants[0].Sku;
        await api.RestockAsync(sku, Stock);

        var attempts = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            try
            {
                var request = new ReserveStockRequest { OrderId = $"order-{sku}-{i}", Lines = { new ReservationLine { Sku = sku, Quantity = 1 } } };
                await api.Inventory.ReserveStockAsync(request, cancellationToken: cancellationToken);
                return StatusCode.OK;
            }
            catch (RpcException refused)
            {
                return refused.StatusCode;
            }
        }));

        var level = await api.Inventory.GetStockAsync(new GetStockRequest { Sku = sku }, CatalogCallers.Admin, cancellationToken: cancellationToken);
        return new Outcome(attempts, level);
    }

    public sealed record Outcome(IReadOnlyList<StatusCode> Attempts, StockLevel Level)
    {
        /// <summary>Exactly the stock was reserved, every other caller was refused as out of stock, none is left.</summary>
        public void AssertExactlyTheStockWasSold()
        {
            Assert.Equal(Stock, Attempts.Count(code => code == StatusCode.OK));
            Assert.Equal(Callers - Stock, Attempts.Count(code => code == StatusCode.FailedPrecondition));
            Assert.Equal((Stock, Stock, 0L), (Level.OnHand, Level.Reserved, Level.Available));
        }
    }
}
