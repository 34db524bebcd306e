using System.Globalization;

namespace Dixis.Bench.Processes;

/// <summary>
/// A process's peak resident set size (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>): since it started, or since the
/// harness last reset it (<see cref="Reset"/>), so that a figure can belong to one phase, e.g. the measured runs
/// after the catalog load.
/// </summary>
public static class PeakMemory
{
    /// <summary>
    /// Restarts the peak at the current resident size (Linux: writing 5 to <c>/proc/&lt;pid&gt;/clear_refs</c>).
    /// False when the kernel refused (another user's process, an old kernel): the peak then still counts from the start.
    /// </summary>
    public static bool Reset(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Bytes, or null when the process is gone or the kernel does not report it.</summary>
    public static long? ReadBytes(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The line reads e.g. "VmHWM:     81234 kB".
        var line = lines.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var kilobytes, "kB"] && long.TryParse(kilobytes, CultureInfo.InvariantCulture, out var value)
            ? value * 1024
            : null;
    }
}
