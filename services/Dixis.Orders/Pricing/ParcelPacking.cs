using Dixis.Contracts.Catalog.V1;

namespace Dixis.Orders.Pricing;

/// <summary>
/// The box a producer's items ship in, estimated simply: the longest item's length, the widest item's width, and every
/// unit stacked in height. It over-estimates rather than under-estimates volume, so volumetric pricing never undercharges.
/// </summary>
public static class ParcelPacking
{
    public static (int LengthMm, int WidthMm, int HeightMm, int WeightGrams) Pack(IEnumerable<(VariantSnapshot Variant, long Quantity)> items)
    {
        var (length, width, height, weight) = (0, 0, 0L, 0L);
        foreach (var (variant, quantity) in items)
        {
            var dimensions = variant.Dimensions;
            length = Math.Max(length, dimensions?.LengthMm ?? 0);
            width = Math.Max(width, dimensions?.WidthMm ?? 0);
            height += (dimensions?.HeightMm ?? 0) * quantity;
            weight += variant.WeightGrams * quantity;
        }

        return (length, width, (int)Math.Min(height, int.MaxValue), (int)Math.Min(weight, int.MaxValue));
    }
}
