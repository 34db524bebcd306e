using Dixis.Catalog.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;

namespace Dixis.Catalog.Repositories;

/// <summary>Reads of the <c>stock</c> collection that product reads and the search index need.</summary>
public sealed class StockRepository(IDocumentStore store)
{
    public IDocumentCollection<StockRecord> Stock => store.Collection<StockRecord>(CatalogCollections.Stock);

    /// <summary>Available units per SKU, for the SKUs that have stock records.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AvailableBySkuAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var found = await Stock.GetManyAsync(skus, cancellationToken);
        return found.ToDictionary(stock => stock.Id, stock => stock.Value.Available, StringComparer.Ordinal);
    }

    /// <summary>Available units per SKU of every SKU of these products.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AvailableByProductsAsync(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var available = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in productIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var stock in await Stock.ListAllAsync(Filter.In("productId", chunk), cancellationToken, pageSize: 1000))
            {
                available[stock.Id] = stock.Value.Available;
            }
        }

        return available;
    }
}
