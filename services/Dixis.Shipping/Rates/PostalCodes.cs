using System.Text.RegularExpressions;

namespace Dixis.Shipping.Rates;

/// <summary>How postal codes are compared: without spaces and in upper case, so <c>105 58</c> is <c>10558</c>.</summary>
public static class PostalCodes
{
    /// <summary>Bounds the time an administrator's format expression may take on one code.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public static string Normalize(string postalCode) =>
        string.Concat((postalCode ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Whether <paramref name="postalCode"/> matches; a format too slow to decide counts as no match.</summary>
    public static bool Matches(Regex format, string postalCode)
    {
        ArgumentNullException.ThrowIfNull(format);
        try
        {
            return format.IsMatch(postalCode);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The table's <c>postal_code_format</c> compiled, or null with the parser's complaint when it is no regular expression.</summary>
    public static Regex? CompileFormat(string format, out string? problem)
    {
        problem = null;
        try
        {
            return new Regex(format, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException invalid)
        {
            problem = invalid.Message;
            return null;
        }
    }
}
