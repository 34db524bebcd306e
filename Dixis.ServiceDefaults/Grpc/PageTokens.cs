using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// AIP-158 page tokens bound to the query that issued them: the inner cursor (a store or search-engine cursor)
/// travels with a fingerprint of the request's filters and sort, so a token replayed with other filters is
/// refused as INVALID_PAGE_TOKEN instead of silently returning a page of a different list.
/// </summary>
public static class PageTokens
{
    private const int FingerprintBytes = 12;

    /// <summary>The token for the page after the one that <paramref name="cursor"/> ends; empty when there is none.</summary>
    public static string Issue(string? cursor, string queryFingerprint)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return string.Empty;
        }

        var fingerprint = Fingerprint(queryFingerprint);
        var cursorBytes = Encoding.UTF8.GetBytes(cursor);
        var token = new byte[fingerprint.Length + cursorBytes.Length];
        fingerprint.CopyTo(token, 0);
        cursorBytes.CopyTo(token, fingerprint.Length);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The inner cursor of <paramref name="token"/>, or null for the first page.</summary>
    /// <exception cref="global::Grpc.Core.RpcException">INVALID_ARGUMENT (INVALID_PAGE_TOKEN) naming <paramref name="field"/>.</exception>
    public static string? Read(string? token, string queryFingerprint, string domain, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = token.Length <= 8192 ? Base64Url.DecodeFromChars(token) : [];
        }
        catch (FormatException)
        {
            bytes = [];
        }

        var expected = Fingerprint(queryFingerprint);
        if (bytes.Length <= expected.Length || !bytes.AsSpan(0, expected.Length).SequenceEqual(expected))
        {
            throw RpcErrors.InvalidArgument(domain,
                [new FieldViolation(field, "is not a next_page_token of this method for the same filters and sort; start again without a page_token.", RpcErrors.InvalidPageTokenReason)]);
        }

        return Encoding.UTF8.GetString(bytes.AsSpan(expected.Length));
    }

    private static byte[] Fingerprint(string queryFingerprint) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(queryFingerprint))[..FingerprintBytes];
}
