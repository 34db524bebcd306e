using Dixis.Contracts.Catalog.V1;

namespace Dixis.Services.Tests.Commerce;

/// <summary>A product on sale that <see cref="CommercePlatform.SeedProductAsync"/> created through the catalog API.</summary>
/// <param name="Producer">Its producer, new for each seeded product unless one was passed in.</param>
/// <param name="Product">The product as the catalog returned it on creation.</param>
/// <param name="Skus">The SKUs of its variants, in the order the variants were asked for.</param>
public sealed record SeededProduct(Producer Producer, Product Product, IReadOnlyList<string> Skus)
{
    /// <summary>The SKU of the first (or only) variant.</summary>
    public string Sku => Skus[0];
}

/// <summary>One variant to seed.</summary>
/// <param name="PriceMinor">The unit price in euro cents, VAT included.</param>
/// <param name="Stock">The units restocked after creation (none when 0).</param>
/// <param name="Label">The variant's <c>volume</c> option value; distinct per product (a default is picked when null).</param>
public sealed record SeedVariant(long PriceMinor = 1250, long Stock = 100, string? Label = null);
