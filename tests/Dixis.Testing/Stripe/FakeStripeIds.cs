using System.Security.Cryptography;

namespace Dixis.Testing.Stripe;

/// <summary>Identifiers shaped like Stripe's: a type prefix and random letters and digits (<c>pi_3Nx…</c>).</summary>
internal static class FakeStripeIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => $"{prefix}_{Random(24)}";

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
