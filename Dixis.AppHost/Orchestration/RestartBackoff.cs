namespace Dixis.AppHost.Orchestration;

/// <summary>
/// Delay before restarting a crashed process: 1 s, 2 s, 4 s, … up to a cap, so that a process that
/// crashes at start does not spin the CPU, while a one-off crash is repaired quickly.
/// </summary>
internal static class RestartBackoff
{
    /// <summary>The longest wait between two restarts.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    /// <summary>The delay before restart number <paramref name="consecutiveFailures"/> (1 for the first).</summary>
    public static TimeSpan Delay(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var exponent = Math.Min(consecutiveFailures - 1, 16);
        var delay = First * Math.Pow(2, exponent);
        return delay < Cap ? delay : Cap;
    }
}
