using Dixis.Catalog.DemoData;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Loading;

/// <summary>
/// Puts initial stock on SKUs with <c>InventoryService/AdjustStock</c> (reason restock), a few calls in flight at
/// once. Each adjustment's request id is derived from its SKU and units, so running the same load again applies
/// nothing twice. Sold-out SKUs (0 units) need no call: new SKUs start with none. A SKU the catalog does not have
/// (its import row was rejected) is counted as missing, not a failure of the whole load.
/// </summary>
public sealed class StockLoader(CatalogConnection catalog)
{
    public const string Method = "dixis.catalog.v1.InventoryService/AdjustStock";
    private const int CallsInFlight = 8;
    private const int ProgressEvery = 100;

    /// <exception cref="CatalogLoadException">An adjustment failed; the others in flight are cancelled.</exception>
    public async Task<StockOutcome> SetAsync(IEnumerable<KeyValuePair<string, long>> unitsBySku, long? expectedSkus, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        long done = 0;
        long stocked = 0;
        long missing = 0;
        await Parallel.ForEachAsync(
            unitsBySku,
            new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (entry.Value > 0)
                {
                    Interlocked.Increment(ref await AdjustAsync(entry.Key, entry.Value, token) ? ref stocked : ref missing);
                }

                if (Interlocked.Increment(ref done) % ProgressEvery == 0)
                {
                    progress?.Report(new LoadProgress("stock", Interlocked.Read(ref done), expectedSkus, "SKUs"));
                }
            });
        progress?.Report(new LoadProgress("stock", done, expectedSkus ?? done, "SKUs"));
        return new StockOutcome(stocked, missing);
    }

    /// <summary>The idempotency key of putting <paramref name="units"/> on <paramref name="sku"/> as demo stock.</summary>
    public static string RequestIdFor(string sku, long units) => NameBasedId.For("dixis.catalog.demo-stock", $"{sku}/{units}");

    /// <returns>False when the catalog has no such SKU.</returns>
    private async Task<bool> AdjustAsync(string sku, long units, CancellationToken cancellationToken)
    {
        var request = new AdjustStockRequest
        {
            Sku = sku,
            Delta = units,
            Reason = AdjustmentReason.Restock,
            Note = "Demo stock",
            RequestId = RequestIdFor(sku, units),
        };
        try
        {
            await catalog.Inventory.AdjustStockAsync(request, catalog.Options(cancellationToken));
            return true;
        }
        catch (RpcException failure) when (failure.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogLoadException(CallFailures.Explain(failure, catalog.Address, Method) + $" (SKU {sku})", failure);
        }
    }
}
