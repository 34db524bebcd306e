using Dixis.Contracts.Catalog.V1;

namespace Dixis.Orders.Pricing;

/// <summary>What one <see cref="CatalogVariants"/> call returned: the variants found among the SKUs asked for.</summary>
public sealed class VariantLookup
{
    private readonly HashSet<string> asked;
    private readonly Dictionary<string, VariantSnapshot> found;

    public VariantLookup(IEnumerable<string> askedSkus, IEnumerable<VariantSnapshot> variants)
    {
        asked = new HashSet<string>(askedSkus, StringComparer.Ordinal);
        found = variants.Where(variant => asked.Contains(variant.Sku)).ToDictionary(variant => variant.Sku, StringComparer.Ordinal);
    }

    public static VariantLookup Empty { get; } = new([], []);

    /// <summary>The variant of <paramref name="sku"/>, or null when the catalog has no such SKU.</summary>
    public VariantSnapshot? Find(string sku) => found.GetValueOrDefault(sku);

    /// <summary>True when every one of <paramref name="skus"/> was asked for, so this lookup can answer for all of them.</summary>
    public bool Covers(IEnumerable<string> skus) => skus.All(asked.Contains);

    /// <summary>True when the SKU exists and its product is on sale (active).</summary>
    public bool IsOnSale(string sku) => Find(sku) is { Status: ProductStatus.Active };
}
