using System.Globalization;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// The <c>grpc-timeout</c> header of the gRPC over HTTP/2 protocol: a positive integer of at most 8 digits and a unit
/// (<c>H</c> hours, <c>M</c> minutes, <c>S</c> seconds, <c>m</c> milliseconds, <c>u</c> microseconds, <c>n</c> nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>Reads a header value; false for a missing or malformed one, which gRPC servers treat as no deadline.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is not { Length: >= 2 and <= 9 }
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? parsed = value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
        timeout = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>
    /// Writes a positive timeout in the finest unit that fits in 8 digits, rounded up so that the receiver never
    /// sees a deadline of zero before the sender's has passed.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
        if (milliseconds <= MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{milliseconds}m");
        }

        var seconds = (long)Math.Ceiling(timeout.TotalSeconds);
        if (seconds <= MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds}S");
        }

        var minutes = (long)Math.Ceiling(timeout.TotalMinutes);
        return minutes <= MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}M")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Min((long)Math.Ceiling(timeout.TotalHours), MaxValue)}H");
    }
}
