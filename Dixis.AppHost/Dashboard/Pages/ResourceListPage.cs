using System.Globalization;
using System.Text;
using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Dashboard.Pages;

/// <summary>
/// The dashboard's home: one row per resource with state, health, endpoints, PID, restarts, uptime and
/// its (masked) environment. Complete without JavaScript; a small script refreshes the live columns.
/// </summary>
internal static class ResourceListPage
{
    public static string Render(IReadOnlyList<ResourceSnapshot> resources, DateTimeOffset now)
    {
        var rows = new StringBuilder();
        foreach (var resource in resources)
        {
            AppendRow(rows, resource, now);
        }

        var ready = resources.Count(r => r.IsReady);
        var running = resources.Count(r => r.State != ResourceState.Skipped);
        var body = $"""
                <section class="summary"><h1>Resources</h1><p id="summary">{ready} of {running} running resources healthy · {resources.Count - running} skipped</p></section>
                <table class="resources">
                  <thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Restarts</th><th>Uptime</th><th>Logs</th></tr></thead>
                  <tbody>
            {rows}
                  </tbody>
                </table>
            """;
        return Html.Page("Resources", body, "/assets/resources.js");
    }

    private static void AppendRow(StringBuilder rows, ResourceSnapshot resource, DateTimeOffset now)
    {
        var name = Html.Encode(resource.Name);
        var state = resource.State.ToString();
        var health = resource.State == ResourceState.Skipped ? "-" : resource.Health.ToString();
        var endpoints = resource.Endpoints.Count == 0
            ? $"""<span class="muted">{Html.Encode(resource.Detail)}</span>"""
            : string.Join("<br>", resource.Endpoints.Select(e =>
            {
                var url = Html.Encode(e.Url.ToString().TrimEnd('/'));
                return e.Scheme == "http" ? $"""<span class="endpoint">{Html.Encode(e.Name)}</span> <a href="{url}">{url}</a>""" : $"""<span class="endpoint">{Html.Encode(e.Name)}</span> {url}""";
            }));
        var uptime = resource.ProcessId is not null && resource.StartedAt is { } startedAt ? Html.Duration(now - startedAt) : "-";
        var healthTitle = Html.Encode(resource.HealthDescription ?? resource.Detail);

        rows.Append(CultureInfo.InvariantCulture, $"""
                    <tr id="resource-{name}" data-resource="{name}">
                      <td class="name">{name}</td>
                      <td>{Html.Encode(resource.Kind)}</td>
                      <td><span class="badge state-{state.ToLowerInvariant()}" data-field="state">{state}</span></td>
                      <td><span class="badge health-{(resource.State == ResourceState.Skipped ? "none" : health.ToLowerInvariant())}" data-field="health" title="{healthTitle}">{health}</span></td>
                      <td class="endpoints">{endpoints}</td>
                      <td data-field="pid">{resource.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td>
                      <td data-field="restarts">{resource.Restarts}</td>
                      <td data-field="uptime">{uptime}</td>
                      <td><a href="/resources/{name}/logs">console</a></td>
                    </tr>
                    <tr class="environment"><td colspan="9">
                      <details><summary>Environment ({resource.Environment.Count})</summary>
                        <table class="env">{EnvironmentRows(resource)}</table>
                      </details>
                    </td></tr>

            """);
    }

    private static string EnvironmentRows(ResourceSnapshot resource) =>
        string.Concat(SecretMasker.Mask(resource.Environment).Select(pair =>
            $"""<tr><th>{Html.Encode(pair.Key)}</th><td>{Html.Encode(pair.Value)}</td></tr>"""));
}
