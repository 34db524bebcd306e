using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Catalog.Products;

/// <summary>
/// The server's current facts about SKUs (price, status, weight, stock) for pricing carts and orders:
/// read from the store, not the cache, because an order must be priced from the latest write.
/// </summary>
public sealed class VariantSnapshots(StockRepository stock, ProductRepository products)
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
        var productsById = (await products.Products.GetManyAsync(stockBySku.Values.Select(s => s.Value.ProductId), cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);

        var response = new BatchGetVariantsResponse();
        foreach (var sku in skus)
        {
            if (!stockBySku.TryGetValue(sku, out var level) || !productsById.TryGetValue(level.Value.ProductId, out var product)
                || product.Value.Variants.FirstOrDefault(v => v.Sku == sku) is not { } variant)
            {
                response.MissingSkus.Add(sku);
                continue;
            }

            var snapshot = new VariantSnapshot
            {
                Sku = sku,
                ProductId = product.Id,
                ProducerId = product.Value.ProducerId,
                ProductName = LocalizedTexts.ToContract(product.Value.Name),
                Price = new Money { CurrencyCode = product.Value.CurrencyCode, AmountMinor = variant.PriceMinor },
                TaxClass = product.Value.TaxClass,
                Status = product.Value.Status,
                WeightGrams = variant.WeightGrams,
                Available = level.Value.Available,
                ImageUri = ProductMapper.MainImageUri(product.Value) ?? string.Empty,
                ProductSlug = product.Value.Slug,
            };
            if (variant.Dimensions is { } d)
            {
                snapshot.Dimensions = new Dimensions { LengthMm = d.LengthMm, WidthMm = d.WidthMm, HeightMm = d.HeightMm };
            }

            snapshot.OptionValues.AddRange(variant.OptionValues.Select(option => new OptionValue { Option = option.Option, Value = LocalizedTexts.ToContract(option.Value) }));
            response.Variants.Add(snapshot);
        }

        return response;
    }
}
