using System.Buffers.Text;
using System.Security.Cryptography;

namespace Dixis.Orders.Carts;

/// <summary>
/// Cart ids: 192 random bits, base64url (32 characters). Possession of a guest cart's id is what grants access to it,
/// so it must be unguessable; an id of another shape cannot name a cart and is treated as not found.
/// </summary>
public static class CartIds
{
    private const int RandomBytes = 24;
    private const int Length = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True when <paramref name="id"/> has the shape of an id this service issues.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == Length && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
