namespace Dixis.Orders.Checkout;

/// <summary>
/// Short order numbers for support and bank references, e.g. <c>DX-7K3M-9Q2P</c>: 40 random bits of the order's UUIDv7
/// in Crockford base32 (no I, L, O, U, so it survives being read over the phone).
/// </summary>
public static class OrderNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(string orderId)
    {
        var bytes = Guid.Parse(orderId).ToByteArray(bigEndian: true);
        var bits = 0UL;
        for (var i = 11; i < 16; i++)
        {
            bits = (bits << 8) | bytes[i];
        }

        Span<char> text = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return $"DX-{text[..4]}-{text[4..]}";
    }
}
