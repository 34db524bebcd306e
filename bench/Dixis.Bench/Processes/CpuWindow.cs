using System.Diagnostics;
using Dixis.Bench.Reporting;

namespace Dixis.Bench.Processes;

/// <summary>
/// The CPU time (user + system) each process spends during a measured window, divided by the requests the window
/// completed. Unlike requests/s it hardly moves when other work shares the machine's cores, so it compares builds
/// measured on a busy machine.
/// </summary>
public sealed class CpuWindow
{
    private readonly IReadOnlyList<(MeasuredProcess Process, TimeSpan? Cpu)> start;

    private CpuWindow(IReadOnlyList<MeasuredProcess> processes) =>
        start = [.. processes.Select(process => (process, Read(process.Pid)))];

    /// <summary>Reads every process's CPU time now, as the start of the window.</summary>
    public static CpuWindow Start(IReadOnlyList<MeasuredProcess> processes) => new(processes);

    /// <summary>Each process's CPU µs per request since <see cref="Start"/>; null for a process that is gone.</summary>
    public IReadOnlyList<ProcessCpu> Stop(long requests) =>
    [
        .. start.Select(entry => new ProcessCpu(
            entry.Process.Name,
            entry.Cpu is { } before && Read(entry.Process.Pid) is { } after && requests > 0
                ? (after - before).TotalMicroseconds / requests
                : null)),
    ];

    /// <summary>A process's CPU time (user + system) so far; null when it is gone.</summary>
    internal static TimeSpan? Read(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception gone) when (gone is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
