using System.Text.RegularExpressions;

namespace Dixis.Catalog.Products;

/// <summary>The shapes and limits of product fields, as the contract documents them.</summary>
public static partial class ProductRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxBrandLength = 100;
    public const int MaxVariants = 100;
    public const int MaxAttributes = 50;
    public const int MaxImages = 20;
    public const int MaxLabelLength = 100;
    public const int MaxAltTextLength = 300;
    public const int MaxUriLength = 2048;
    public const int MaxWeightGrams = 1_000_000;
    public const int MaxDimensionMm = 10_000;

    /// <summary>A price limit far above any food product, so a slip of the keyboard (an extra three zeros) is caught.</summary>
    public const long MaxPriceMinor = 100_000_000;

    /// <summary>3 to 120 lower-case letters, digits and single hyphens, e.g. <c>kalamata-extra-virgin-olive-oil</c>.</summary>
    [GeneratedRegex("^(?=.{3,120}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    /// <summary>1 to 64 letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    public static partial Regex Sku();

    /// <summary>Lower-case snake case keys, e.g. <c>origin_region</c>.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$", RegexOptions.CultureInvariant)]
    public static partial Regex Key();

    /// <summary>Stable value codes, e.g. <c>crete</c>, <c>true</c>, <c>500-ml</c>.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,99}$", RegexOptions.CultureInvariant)]
    public static partial Regex ValueCode();

    /// <summary>Opaque ids as the catalog issues them (UUIDs) or as imported data may carry them.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    public static partial Regex Id();

    /// <summary>A GTIN-8, -12, -13 or -14 with a valid check digit.</summary>
    public static bool IsGtin(string gtin)
    {
        if (gtin.Length is not (8 or 12 or 13 or 14) || !gtin.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = gtin.Length - 2; i >= 0; i--)
        {
            var digit = gtin[i] - '0';
            sum += (gtin.Length - 2 - i) % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10 == gtin[^1] - '0';
    }
}
