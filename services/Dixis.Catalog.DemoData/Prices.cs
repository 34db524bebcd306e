namespace Dixis.Catalog.DemoData;

/// <summary>Shelf prices in euro cents that look like shelf prices: whole ten cents, most ending in ,90 or ,50.</summary>
internal static class Prices
{
    public static long Round(double cents)
    {
        var tens = Math.Max(5, (long)Math.Round(cents / 10));
        return tens switch
        {
            >= 100 when tens % 10 is 1 or 2 or 3 => ((tens / 10) * 10) - 1,
            >= 100 when tens % 10 is 4 or 6 => ((tens / 10) * 10) + 5,
            _ => tens,
        } * 10;
    }

    /// <summary>A former price <paramref name="factor"/> times <paramref name="price"/>, always above it.</summary>
    public static long Above(long price, double factor) => Math.Max(price + 10, Round(price * factor));
}
