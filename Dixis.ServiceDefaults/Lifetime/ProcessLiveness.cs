using System.Diagnostics;

namespace Dixis.ServiceDefaults.Lifetime;

/// <summary>Whether a process (not necessarily our child) still runs.</summary>
internal static class ProcessLiveness
{
    public static bool IsRunning(int processId) =>
        OperatingSystem.IsLinux() ? IsRunningOnLinux(processId) : IsRunningElsewhere(processId);

    /// <summary>
    /// Reads /proc directly: a process that has exited but was not yet reaped by its parent is a
    /// zombie (state Z), which the Process API would still report as running.
    /// </summary>
    private static bool IsRunningOnLinux(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // Format: "pid (command) state ..."; the command may itself contain ')' so look for the last one.
        var afterCommand = stat.LastIndexOf(')');
        if (afterCommand < 0 || afterCommand + 2 >= stat.Length)
        {
            return false;
        }

        var state = stat[afterCommand + 2];
        return state is not ('Z' or 'X' or 'x');
    }

    private static bool IsRunningElsewhere(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
