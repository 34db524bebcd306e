using System.Globalization;

namespace Dixis.Catalog.DemoData;

/// <summary>EAN-13 numbers under the Greek GS1 prefix 520, with a valid check digit.</summary>
internal static class Gtin13
{
    /// <summary>A GTIN-13 for item <paramref name="item"/> (0–99,999) of company <paramref name="company"/> (0–9,999).</summary>
    public static string For(int company, int item)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"520{company % 10_000:D4}{item % 100_000:D5}");
        return body + CheckDigit(body);
    }

    /// <summary>The GS1 check digit of the digits before it: weights 3 and 1 alternate from the right.</summary>
    public static char CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var weight = (body.Length - i) % 2 == 1 ? 3 : 1;
            sum += (body[i] - '0') * weight;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
