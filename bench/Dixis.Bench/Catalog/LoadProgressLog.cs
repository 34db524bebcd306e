using System.Globalization;
using Dixis.Catalog.Loading;

namespace Dixis.Bench.Catalog;

/// <summary>A load's progress as <see cref="ProgressLog"/> lines: when a stage starts, every five seconds, and when it ends.</summary>
public sealed class LoadProgressLog(ProgressLog log, TimeProvider timeProvider) : IProgress<LoadProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private string? stage;
    private long stageStarted;
    private long lastLine;

    public void Report(LoadProgress value)
    {
        lock (gate)
        {
            var now = timeProvider.GetTimestamp();
            var finished = value.Total is { } total && value.Done >= total;
            if (value.Stage != stage)
            {
                (stage, stageStarted, lastLine) = (value.Stage, now, now);
            }
            else if (!finished && timeProvider.GetElapsedTime(lastLine, now) < Interval)
            {
                return;
            }

            lastLine = now;
            var elapsed = timeProvider.GetElapsedTime(stageStarted, now);
            var rate = elapsed > TimeSpan.Zero ? value.Done / elapsed.TotalSeconds : 0;
            var of = value.Total is { } all ? string.Create(CultureInfo.InvariantCulture, $"/{all:N0}") : string.Empty;
            var left = value.Total is { } end && rate > 0 && !finished
                ? string.Create(CultureInfo.InvariantCulture, $", about {(end - value.Done) / rate:0} s left")
                : string.Empty;
            log.Step(string.Create(CultureInfo.InvariantCulture, $"load {value.Stage}: {value.Done:N0}{of} {value.Unit} ({rate:N0} {value.Unit}/s{left})"));
        }
    }
}
