using System.Security.Cryptography;

namespace Dixis.Shipping.Carriers;

/// <summary>
/// The built-in carrier's tracking numbers: <c>DX</c>, 12 random characters of Crockford's base32 (60 bits from a
/// cryptographic generator, so numbers cannot be guessed from one another), and a check character (Luhn mod 32)
/// that catches a mistyped character or two swapped neighbours before any lookup.
/// </summary>
public static class TrackingNumbers
{
    public const string Prefix = "DX";
    public const int RandomLength = 12;
    public const int Length = 2 + RandomLength + 1;

    // Crockford's alphabet: no I, L, O or U, so a number read aloud or from a crumpled label is not misread.
    internal const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Create()
    {
        Span<char> number = stackalloc char[Length];
        Prefix.CopyTo(number);
        for (var i = 0; i < RandomLength; i++)
        {
            number[2 + i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        number[^1] = Alphabet[CheckValue(number[2..^1])];
        return new string(number);
    }

    /// <summary>Whether <paramref name="number"/> has the built-in carrier's shape and a correct check character.</summary>
    public static bool IsValid(string number)
    {
        if (number.Length != Length || !number.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = number.AsSpan(2, RandomLength);
        foreach (var character in body)
        {
            if (!Alphabet.Contains(character))
            {
                return false;
            }
        }

        return Alphabet.IndexOf(number[^1]) == CheckValue(body);
    }

    /// <summary>Luhn mod N: every second value from the right doubled and folded back into the alphabet.</summary>
    private static int CheckValue(ReadOnlySpan<char> body)
    {
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(body[i]);
            sum += (addend / n) + (addend % n);
            factor = factor == 2 ? 1 : 2;
        }

        return (n - (sum % n)) % n;
    }
}
