using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Persistence.Documents;

namespace Dixis.Catalog.Search.Sync;

/// <summary>
/// What the search index gets for a stored product: null when the public may not find it (not active, or its
/// producer is missing or suspended), so the index only ever holds what a shopper may see.
/// </summary>
public static class SearchDocumentBuilder
{
    public static ProductSearchDocument? Build(
        Document<ProductRecord> document, IReadOnlyDictionary<string, long> availableBySku, Producer? producer, CategoryIndex categories)
    {
        var product = document.Value;
        if (product.Status != ProductStatus.Active || producer is not { State: ProducerState.Active } || product.Variants.Count == 0)
        {
            return null;
        }

        var prices = product.Variants.Select(v => v.PriceMinor).ToArray();
        var inStock = product.Variants.Any(v => availableBySku.TryGetValue(v.Sku, out var available) && available > 0);
        var path = categories.PathTo(product.CategoryId);
        if (path.Count == 0)
        {
            path = [product.CategoryId];
        }

        var summary = new ProductSummary
        {
            ProductId = document.Id,
            Slug = product.Slug,
            Name = LocalizedTexts.ToContract(product.Name),
            ProducerId = product.ProducerId,
            ProducerName = producer.DisplayName,
            CategoryId = product.CategoryId,
            ImageUri = ProductMapper.MainImageUri(product) ?? string.Empty,
            MinPrice = new Money { CurrencyCode = product.CurrencyCode, AmountMinor = prices.Min() },
            MaxPrice = new Money { CurrencyCode = product.CurrencyCode, AmountMinor = prices.Max() },
            InStock = inStock,
        };

        return new ProductSearchDocument(
            document.Id,
            product.Name,
            product.Description,
            product.Brand,
            product.ProducerId,
            producer.DisplayName,
            product.CategoryId,
            path,
            [.. path.Select(id => (IReadOnlyDictionary<string, string>)(categories.Find(id)?.Name.Values.ToDictionary() ?? []))],
            [.. product.Attributes.Select(attribute => new SearchAttribute(attribute.Key, attribute.Value, attribute.DisplayValue))],
            prices,
            prices.Min(),
            inStock,
            product.PublishTimeMs ?? product.CreateTimeMs,
            summary);
    }
}
