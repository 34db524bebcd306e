namespace Dixis.Catalog.Model;

/// <summary>A stored variant; its stock lives in the <c>stock</c> collection under the same SKU.</summary>
/// <param name="Sku">The stock-keeping unit, unique across the catalog.</param>
/// <param name="OptionValues">What tells this variant apart, e.g. volume 500 ml.</param>
/// <param name="PriceMinor">The price, VAT included, in minor units of the product's currency.</param>
/// <param name="CompareAtPriceMinor">The struck-through reference price, when set.</param>
/// <param name="WeightGrams">The shipping weight.</param>
/// <param name="Dimensions">The packed dimensions, when known.</param>
/// <param name="Gtin">The EAN/UPC, when the item has one.</param>
/// <param name="Position">The display order among the product's variants.</param>
public sealed record VariantRecord(
    string Sku,
    IReadOnlyList<OptionValueRecord> OptionValues,
    long PriceMinor,
    long? CompareAtPriceMinor,
    int WeightGrams,
    DimensionsRecord? Dimensions,
    string? Gtin,
    int Position);
