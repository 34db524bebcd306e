using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dixis.Catalog.Cli.Terminal;

/// <summary>"1,234 rows/s": the stage's recent rate, as Spectre measures it.</summary>
public sealed class RateColumn(StageUnits units) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var unit = units.Of(task);
        return task.Speed is { } speed
            ? new Text(string.Create(CultureInfo.InvariantCulture, $"{speed:N0} {unit}/s"))
            : new Text("–");
    }
}
