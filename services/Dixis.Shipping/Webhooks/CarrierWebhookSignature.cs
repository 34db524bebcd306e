using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dixis.Shipping.Webhooks;

/// <summary>
/// The carrier webhook signature: header <c>Dixis-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is
/// HMAC-SHA256 with the carrier's secret over <c>&lt;t&gt;.&lt;raw body&gt;</c>. Signing the time binds it to the body, so
/// an old request cannot be replayed with a fresh time; more than one v1 is accepted while a carrier rotates secrets.
/// Compared in constant time, so response times do not reveal how much of a guess was right.
/// </summary>
public static class CarrierWebhookSignature
{
    public const string HeaderName = "Dixis-Signature";

    /// <summary>How far the signed time may be from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    /// <summary>Null when the signature holds; otherwise why not (safe to show: it never contains the secret).</summary>
    public static string? Check(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return $"The {HeaderName} header is missing.";
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (key, value) = (part[..separator], part[(separator + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (key == "v1" && value.Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(value));
                }
                catch (FormatException)
                {
                    // Not hex: it cannot match; the other signatures may.
                }
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return $"The {HeaderName} header needs t=<unix seconds> and v1=<64 hex digits>.";
        }

        if (timestamp.Value > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, timestamp.Value))).Duration() > Tolerance)
        {
            return $"The signature's time is more than {Tolerance.TotalSeconds:0} seconds from now.";
        }

        var expected = Compute(secret, timestamp.Value, body);
        var matches = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, so timing does not tell which one (or whether any) matched.
            matches |= CryptographicOperations.FixedTimeEquals(signature, expected);
        }

        return matches ? null : "The signature does not match the body.";
    }

    // What a carrier computes.
    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
