using System.Diagnostics;
using System.Globalization;

namespace Dixis.AppHost.Tests.Fixtures;

/// <summary>Whether a process still exists, as the operating system sees it.</summary>
public static class ProcessTable
{
    /// <summary>
    /// True while the process exists and is not a zombie: an orphan that already exited but was not yet
    /// reaped (this container's PID 1 does not reap) is gone for every practical purpose.
    /// </summary>
    public static bool IsAlive(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }

        // Format: "pid (comm) S ..."; comm may contain spaces and parentheses, the state follows the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
        return state is not ('Z' or 'X');
    }

    /// <summary>Waits until none of the processes is alive; returns those still alive after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IEnumerable<int> processIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ids = processIds.ToList();
        while (true)
        {
            var alive = ids.Where(IsAlive).ToList();
            if (alive.Count == 0 || clock.Elapsed >= timeout)
            {
                return alive;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
