using System.Globalization;

namespace Dixis.Bench.Processes;

/// <summary>A process's peak resident set size since it started (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>).</summary>
public static class PeakMemory
{
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
