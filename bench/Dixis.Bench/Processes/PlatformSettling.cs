namespace Dixis.Bench.Processes;

/// <summary>
/// Waits until the platform's processes are nearly idle: after a bulk load Catalog goes on indexing the last pages and
/// then compacts the search index (seconds of both cores for 100,000 products), and a run measured meanwhile reports
/// that one-off work as the cost of every request. Bounded, so a platform that never settles is measured anyway, with
/// a warning.
/// </summary>
public sealed class PlatformSettling(ProgressLog progress, TimeProvider timeProvider)
{
    /// <summary>Below this share of one core over a whole second, summed over the processes, the platform counts as idle.</summary>
    public const double IdleShareOfOneCore = 0.10;

    /// <summary>Consecutive idle seconds needed: the synchronizer's quiet pass that compacts follows a short pause.</summary>
    public const int IdleSecondsInARow = 3;

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(1);

    public async Task WaitAsync(IReadOnlyList<MeasuredProcess> processes, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var idleInARow = 0;
        var busiest = string.Empty;
        var lastReport = TimeSpan.Zero;
        progress.Step($"waiting for the platform to settle after the load (below {IdleShareOfOneCore:P0} of a core for {IdleSecondsInARow} s, at most {MaxWait.TotalMinutes:0} min)");
        while (idleInARow < IdleSecondsInARow)
        {
            var waited = timeProvider.GetElapsedTime(started);
            if (waited >= MaxWait)
            {
                progress.Step($"warning: the platform is still busy after {MaxWait.TotalMinutes:0} min ({busiest}); measuring anyway");
                return;
            }

            var before = processes.Select(process => CpuWindow.Read(process.Pid)).ToList();
            await Task.Delay(Sample, timeProvider, cancellationToken);
            var shares = processes
                .Select((process, index) => (process.Name, Share: before[index] is { } from && CpuWindow.Read(process.Pid) is { } to ? (to - from) / Sample : 0))
                .ToList();
            idleInARow = shares.Sum(entry => entry.Share) < IdleShareOfOneCore ? idleInARow + 1 : 0;
            var top = shares.MaxBy(entry => entry.Share);
            busiest = $"{top.Name} at {top.Share:P0} of a core";
            if (waited - lastReport >= TimeSpan.FromSeconds(10))
            {
                progress.Step($"settling: {busiest} after {waited.TotalSeconds:0} s");
                lastReport = waited;
            }
        }

        progress.Step($"the platform settled after {timeProvider.GetElapsedTime(started).TotalSeconds:0} s");
    }
}
