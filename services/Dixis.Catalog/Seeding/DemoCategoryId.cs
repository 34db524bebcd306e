using System.Security.Cryptography;
using System.Text;

namespace Dixis.Catalog.Seeding;

/// <summary>
/// Deterministic ids for demo categories: every replica that seeds at the same time computes the same
/// id for the same category, so insert-if-absent makes concurrent seeding safe. The id has the shape
/// of a UUID (version 8, name-based) like every other id, and stays opaque to clients.
/// </summary>
public static class DemoCategoryId
{
    public static string For(string slugPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slugPath);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("dixis.catalog.demo-category/" + slugPath), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
