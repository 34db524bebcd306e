using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Catalog.Products;

/// <summary>
/// The server's current facts about SKUs (price, status, weight, stock) for pricing carts and orders. Units available
/// are read from the store on every call, because they change with every reservation and a cart must show them exactly.
/// The product part (name, price, status, weight) comes from the product cache: every write invalidates it before it
/// returns, here and on every replica, and a read that raced a write is never served (<see cref="Caching.CatalogCache"/>),
/// so an order is still priced from the latest write without parsing whole product documents on every cart view.
/// </summary>
public sealed class VariantSnapshots(StockRepository stock, ProductReader products)
{
    public const int MaxSkus = 500;

    public async Task<BatchGetVariantsResponse> GetAsync(IReadOnlyList<string> requestedSkus, CancellationToken cancellationToken)
    {
        var skus = requestedSkus.Distinct(StringComparer.Ordinal).ToArray();
        if (skus.Length == 0)
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "skus", "needs at least one SKU.");
        }

        if (skus.Length > MaxSkus)
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "skus", $"has {skus.Length} distinct SKUs; at most {MaxSkus} are allowed.");
        }

        var stockBySku = (await stock.Stock.GetManyAsync(skus.Where(sku => ProductRules.Sku().IsMatch(sku)), cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var productsById = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var productId in stockBySku.Values.Select(s => s.Value.ProductId).Distinct(StringComparer.Ordinal))
        {
            if (await products.GetAnyStatusAsync(productId, cancellationToken) is { } product)
            {
                productsById[productId] = product;
            }
        }

        var response = new BatchGetVariantsResponse();
        foreach (var sku in skus)
        {
            if (!stockBySku.TryGetValue(sku, out var level) || !productsById.TryGetValue(level.Value.ProductId, out var product)
                || product.Variants.FirstOrDefault(v => v.Sku == sku) is not { } variant)
            {
                response.MissingSkus.Add(sku);
                continue;
            }

            var snapshot = new VariantSnapshot
            {
                Sku = sku,
                ProductId = product.Id,
                ProducerId = product.ProducerId,
                ProductName = product.Name,
                Price = variant.Price,
                TaxClass = product.TaxClass,
                Status = product.Status,
                WeightGrams = variant.WeightGrams,
                Available = level.Value.Available,
                ImageUri = ProductMapper.MainImageUri(product) ?? string.Empty,
                ProductSlug = product.Slug,
                Dimensions = variant.Dimensions,
            };
            snapshot.OptionValues.Add(variant.OptionValues);
            response.Variants.Add(snapshot);
        }

        return response;
    }
}
