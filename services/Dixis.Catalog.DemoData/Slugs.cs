using System.Globalization;
using System.Text;

namespace Dixis.Catalog.DemoData;

/// <summary>URL names from English product names: lower-case ASCII letters and digits joined by single hyphens.</summary>
internal static class Slugs
{
    /// <summary>Room left for the product number and its hyphen within the contract's 120 characters.</summary>
    public const int MaxTextLength = 100;

    public static string From(string text, long number)
    {
        var slug = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                // Accents fall away (rosé → rose); anything else separates words.
                slug.Append('-');
            }
        }

        var words = slug.ToString().Trim('-');
        if (words.Length > MaxTextLength)
        {
            var cut = words.LastIndexOf('-', MaxTextLength);
            words = words[..(cut > 0 ? cut : MaxTextLength)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{words}-{number}");
    }
}
