namespace Dixis.Persistence.Outbox;

/// <summary>Exponential back-off: the initial delay after the first failure, doubling after each further one, capped.</summary>
public static class OutboxBackoff
{
    /// <summary>The delay before the next attempt after <paramref name="failedAttempts"/> failures (1 or more).</summary>
    public static TimeSpan After(int failedAttempts, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.MaxBackoff.TotalMilliseconds));
    }
}
