using System.Security.Cryptography;
using System.Text;

namespace Dixis.Catalog.DemoData;

/// <summary>
/// A UUID computed from a name (version 8, SHA-256 of <c>scope/name</c>): the same name gives the same id on every
/// machine and run, so demo data can be inserted if absent and loaded again without duplicates. The id stays
/// opaque to clients, shaped like every other id of the platform.
/// </summary>
public static class NameBasedId
{
    public static string For(string scope, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}/{name}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
