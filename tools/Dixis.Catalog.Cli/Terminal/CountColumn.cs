using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dixis.Catalog.Cli.Terminal;

/// <summary>"4,000/10,000 rows": how much of a stage is done, in the stage's own unit.</summary>
public sealed class CountColumn(StageUnits units) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var unit = units.Of(task);
        var text = task.IsIndeterminate
            ? string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0} {unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0} {unit}");
        return new Text(text);
    }
}
