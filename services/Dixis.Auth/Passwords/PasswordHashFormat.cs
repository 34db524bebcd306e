using System.Globalization;

namespace Dixis.Auth.Passwords;

/// <summary>
/// The PHC string format of an Argon2id hash, <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (salt and hash
/// base64 without padding, as the reference implementation writes them), so each stored hash says how it was made
/// and hashes made with older parameters are recognised.
/// </summary>
public sealed record PasswordHashFormat(int MemorySizeKiB, int Iterations, int Parallelism, byte[] Salt, byte[] Hash)
{
    private const string Prefix = "$argon2id$v=19$";

    public string Encode() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={MemorySizeKiB},t={Iterations},p={Parallelism}${Base64(Salt)}${Base64(Hash)}");

    /// <summary>The parts of an encoded hash, or null when it is not one this service writes.</summary>
    public static PasswordHashFormat? TryParse(string encoded)
    {
        if (!encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return null;
        }

        int? memory = null, iterations = null, parallelism = null;
        foreach (var parameter in parts[0].Split(','))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            switch (pair[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return null;
            }
        }

        var salt = FromBase64(parts[1]);
        var hash = FromBase64(parts[2]);
        return memory is null || iterations is null || parallelism is null || salt is null || hash is null
            ? null
            : new PasswordHashFormat(memory.Value, iterations.Value, parallelism.Value, salt, hash);
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[]? FromBase64(string text)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var bytes = new byte[padded.Length];
        return text.Length > 0 && Convert.TryFromBase64String(padded, bytes, out var written) ? bytes[..written] : null;
    }
}
