using Dixis.Bench.Processes;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Bench.Commerce;

/// <summary>
/// The SKUs the commerce scenarios buy: three active variants of two producers from the seeded demo catalog, each
/// stocked with a million more units (as the bench administrator, straight at Catalog) so that no run sells out.
/// </summary>
public static class CommerceSkus
{
    private const long StockPerSku = 1_000_000;

    /// <summary>Three SKUs: two of one producer, one of another.</summary>
    public static async Task<IReadOnlyList<string>> StockAsync(IPlatformUnderTest platform, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var catalogGrpc = platform.Endpoint("catalog", "grpc");
        using var catalog = new CatalogConnection(catalogGrpc, await platform.SignInAsAdminAsync(cancellationToken), timeProvider);
        var byProducer = new Dictionary<string, List<string>>();
        var pageToken = string.Empty;
        try
        {
            do
            {
                var page = await catalog.Products.ListProductsAsync(
                    new ListProductsRequest { PageSize = 100, PageToken = pageToken, Status = ProductStatus.Active }, catalog.Options(cancellationToken));
                foreach (var product in page.Products)
                {
                    var skus = byProducer.TryGetValue(product.ProducerId, out var list) ? list : byProducer[product.ProducerId] = [];
                    skus.AddRange(product.Variants.Select(variant => variant.Sku));
                }

                pageToken = page.NextPageToken;
            }
            while (pageToken.Length > 0 && !(byProducer.Values.Any(s => s.Count >= 2) && byProducer.Count >= 2));

            var first = byProducer.Values.FirstOrDefault(s => s.Count >= 2)
                ?? throw new BenchFailedException("the demo catalog has no producer with two active SKUs; the commerce scenarios need the seeded demo data.");
            var second = byProducer.Values.FirstOrDefault(s => !ReferenceEquals(s, first) && s.Count >= 1)
                ?? throw new BenchFailedException("the demo catalog has fewer than two producers with active SKUs.");
            string[] chosen = [first[0], first[1], second[0]];
            foreach (var sku in chosen)
            {
                await catalog.Inventory.AdjustStockAsync(
                    new AdjustStockRequest { Sku = sku, Delta = StockPerSku, Reason = AdjustmentReason.Restock, Note = "bench", RequestId = Guid.NewGuid().ToString() },
                    catalog.Options(cancellationToken));
            }

            return chosen;
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException(CallFailures.Explain(failure, catalogGrpc, "stocking the commerce SKUs"), failure);
        }
    }
}
