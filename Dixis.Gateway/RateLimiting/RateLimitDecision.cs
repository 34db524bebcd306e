namespace Dixis.Gateway.RateLimiting;

/// <summary>Whether a call may go on; when not, how long until it would pass and which limit refused it.</summary>
public readonly record struct RateLimitDecision(bool IsAllowed, TimeSpan RetryAfter, string? Limit)
{
    public static RateLimitDecision Allowed { get; } = new(true, TimeSpan.Zero, null);

    public static RateLimitDecision Refused(long retryAfterMicroseconds, string limit) =>
        new(false, TimeSpan.FromTicks(retryAfterMicroseconds * TimeSpan.TicksPerMicrosecond), limit);
}
