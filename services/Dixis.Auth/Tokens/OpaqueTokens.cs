using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Dixis.Auth.Tokens;

/// <summary>
/// Random bearer secrets (refresh tokens, one-time tokens, partner client secrets): 32 random bytes, base64url. Only
/// their SHA-256 is stored; with 256 bits of entropy a fast hash is enough, because there is nothing to guess.
/// </summary>
public static class OpaqueTokens
{
    private const int TokenBytes = 32;

    /// <summary>Longer input is not one of ours; refusing it early keeps hashing cheap.</summary>
    public const int MaxLength = 128;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The stored form of <paramref name="token"/>: base64url SHA-256, usable as a document id.</summary>
    public static string Hash(string token) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
