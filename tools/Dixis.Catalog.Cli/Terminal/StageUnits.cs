using System.Collections.Concurrent;
using Spectre.Console;

namespace Dixis.Catalog.Cli.Terminal;

/// <summary>What each progress bar counts (rows, SKUs, producers), for the columns that print it; Spectre's task state holds only value types.</summary>
public sealed class StageUnits
{
    private readonly ConcurrentDictionary<int, string> byTask = new();

    public void Set(ProgressTask task, string unit) => byTask[task.Id] = unit;

    public string Of(ProgressTask task) => byTask.GetValueOrDefault(task.Id, string.Empty);
}
