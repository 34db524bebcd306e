using System.Globalization;
using System.Text;
using Dixis.AppHost.Logs;
using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Dashboard.Pages;

/// <summary>
/// One resource's console: the recent lines are in the HTML (readable without JavaScript), and a few lines
/// of script append new ones live from the Server-Sent Events stream.
/// </summary>
internal static class ResourceLogsPage
{
    /// <summary>How many lines the page starts with.</summary>
    public const int InitialLines = 1000;

    public static string Render(ResourceSnapshot resource, IReadOnlyList<LogLine> lines)
    {
        var name = Html.Encode(resource.Name);
        var last = lines.Count == 0 ? 0 : lines[^1].Sequence;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"""<span class="line {(line.Stream == LogStream.StandardError ? "stderr" : "stdout")}" data-seq="{line.Sequence}">{Html.Encode(line.Text)}</span>""").Append('\n');
        }

        var body = $"""
                <section class="summary">
                  <h1>{name} <span class="muted">console</span></h1>
                  <p><span class="badge state-{resource.State.ToString().ToLowerInvariant()}">{resource.State}</span>
                     <span class="badge health-{resource.Health.ToString().ToLowerInvariant()}">{resource.Health}</span>
                     <span id="live" class="muted">live updates need JavaScript; reload to see new lines</span></p>
                </section>
                <pre id="console" class="console" data-resource="{name}" data-after="{last.ToString(CultureInfo.InvariantCulture)}">{text}</pre>
            """;
        return Html.Page($"{resource.Name} console", body, "/assets/logs.js");
    }
}
