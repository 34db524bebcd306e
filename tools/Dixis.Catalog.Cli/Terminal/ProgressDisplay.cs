using Dixis.Catalog.Loading;
using Spectre.Console;

namespace Dixis.Catalog.Cli.Terminal;

/// <summary>
/// Progress bars on stderr (Spectre.Console), one per load stage, with count, rate and time left; stdout keeps only
/// the results, so they can be piped. Without a terminal Spectre prints plain progress lines instead.
/// </summary>
public sealed class ProgressDisplay(IAnsiConsole console)
{
    public static ProgressDisplay OnStandardError() =>
        new(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    public Task<T> RunAsync<T>(Func<IProgress<LoadProgress>, Task<T>> work)
    {
        var units = new StageUnits();
        return console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new CountColumn(units),
                new RateColumn(units),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => work(new StageBars(context, units)));
    }

    /// <summary>Creates a bar the first time a stage reports and moves it on every report; reports may come from several threads.</summary>
    private sealed class StageBars(ProgressContext context, StageUnits units) : IProgress<LoadProgress>
    {
        private readonly Dictionary<string, ProgressTask> bars = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public void Report(LoadProgress value)
        {
            lock (gate)
            {
                if (!bars.TryGetValue(value.Stage, out var bar))
                {
                    bar = context.AddTask(value.Stage, maxValue: Math.Max(value.Total ?? 1, 1));
                    units.Set(bar, value.Unit);
                    bars[value.Stage] = bar;
                }

                bar.IsIndeterminate = value.Total is null;
                if (value.Total is { } total)
                {
                    bar.MaxValue = Math.Max(total, 1);
                }

                bar.Value = value.Done;
                if (value.Total is { } end && value.Done >= end)
                {
                    bar.StopTask();
                }
            }
        }
    }
}
