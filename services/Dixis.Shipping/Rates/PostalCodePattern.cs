using System.Text.RegularExpressions;

namespace Dixis.Shipping.Rates;

/// <summary>
/// One of a zone's postal-code patterns: an exact code (<c>84600</c>), an inclusive range of codes of one length
/// (<c>10000-19999</c>) or a prefix (<c>71*</c>). When several patterns match, the most specific wins: an exact code,
/// then the narrowest range, then the longest prefix (<see cref="Specificity"/>).
/// </summary>
public sealed record PostalCodePattern(PostalCodePatternKind Kind, string Low, string High)
{
    /// <summary>Parses <paramref name="text"/>; codes in it must match the table's <paramref name="format"/>.</summary>
    /// <returns>The pattern, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static PostalCodePattern? Parse(string text, Regex format, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(format);
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32 || text.Any(char.IsWhiteSpace))
        {
            problem = "must be an exact code, a range 'low-high' or a prefix ending in '*', without spaces.";
            return null;
        }

        if (text.EndsWith('*'))
        {
            var prefix = text[..^1];
            if (prefix.Length == 0 || prefix.Contains('*') || prefix.Contains('-'))
            {
                problem = $"'{text}' is not a prefix: write the code's first characters followed by one '*', e.g. '71*'.";
                return null;
            }

            return new PostalCodePattern(PostalCodePatternKind.Prefix, prefix, prefix);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!format.IsMatch(text))
            {
                problem = $"'{text}' does not match the table's postal_code_format.";
                return null;
            }

            return new PostalCodePattern(PostalCodePatternKind.Exact, text, text);
        }

        var low = text[..dash];
        var high = text[(dash + 1)..];
        if (!format.IsMatch(low) || !format.IsMatch(high) || low.Length != high.Length)
        {
            problem = $"'{text}' is not a range: both ends must be postal codes of the same length matching postal_code_format.";
            return null;
        }

        if (string.CompareOrdinal(low, high) > 0)
        {
            problem = $"'{text}' is an empty range: its low end is above its high end.";
            return null;
        }

        return new PostalCodePattern(PostalCodePatternKind.Range, low, high);
    }

    public bool Matches(string postalCode) => Kind switch
    {
        PostalCodePatternKind.Exact => postalCode == Low,
        PostalCodePatternKind.Prefix => postalCode.StartsWith(Low, StringComparison.Ordinal),
        _ => postalCode.Length == Low.Length && string.CompareOrdinal(postalCode, Low) >= 0 && string.CompareOrdinal(postalCode, High) <= 0,
    };

    /// <summary>
    /// Larger is more specific: exact codes above every range, ranges above every prefix; a narrower range above a
    /// wider one (codes compared as numbers when they are digits), a longer prefix above a shorter one.
    /// </summary>
    public (int Kind, decimal Precision) Specificity => Kind switch
    {
        PostalCodePatternKind.Exact => (3, 0),
        PostalCodePatternKind.Range => (2, -Width()),
        _ => (1, Low.Length),
    };

    private decimal Width() =>
        decimal.TryParse(Low, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var low)
        && decimal.TryParse(High, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var high)
            ? high - low
            : 0;
}

/// <summary>The forms a zone's postal-code pattern takes.</summary>
public enum PostalCodePatternKind
{
    Exact,
    Range,
    Prefix,
}
