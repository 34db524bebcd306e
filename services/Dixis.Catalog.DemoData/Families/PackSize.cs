namespace Dixis.Catalog.DemoData.Families;

/// <summary>
/// One sellable size of a kind of product: the variant option it sets (<c>volume</c>, <c>weight</c>,
/// <c>pack_size</c>), the SKU suffix, a typical shelf price, and the packed weight and size for shipping.
/// </summary>
/// <param name="Option">The option key, e.g. <c>volume</c>.</param>
/// <param name="Code">The SKU suffix, e.g. <c>500ML</c>.</param>
/// <param name="Label">The option value as shown, e.g. <c>500 ml</c>.</param>
/// <param name="PriceMinor">A typical price in euro cents, VAT included, before the product's own price factor.</param>
/// <param name="WeightGrams">The shipping weight, packaging included.</param>
/// <param name="LengthMm">Packed length.</param>
/// <param name="WidthMm">Packed width.</param>
/// <param name="HeightMm">Packed height.</param>
internal sealed record PackSize(string Option, string Code, Phrase Label, long PriceMinor, int WeightGrams, int LengthMm, int WidthMm, int HeightMm)
{
    public static PackSize Volume(string code, string label, long priceMinor, int weightGrams, int lengthMm, int widthMm, int heightMm) =>
        new("volume", code, new(label, label), priceMinor, weightGrams, lengthMm, widthMm, heightMm);

    public static PackSize Weight(string code, string label, long priceMinor, int weightGrams, int lengthMm, int widthMm, int heightMm) =>
        new("weight", code, new(label, label), priceMinor, weightGrams, lengthMm, widthMm, heightMm);

    public static PackSize Pack(string code, Phrase label, long priceMinor, int weightGrams, int lengthMm, int widthMm, int heightMm) =>
        new("pack_size", code, label, priceMinor, weightGrams, lengthMm, widthMm, heightMm);
}
