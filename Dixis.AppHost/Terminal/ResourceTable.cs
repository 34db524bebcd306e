using System.Globalization;
using Dixis.AppHost.Model;
using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Terminal;

/// <summary>The console's overview: one row per resource (state, health, URLs), then the dashboard and gateway URLs.</summary>
internal sealed class ResourceTable(TextWriter output)
{
    /// <summary>Writes the table for the given states.</summary>
    public void Print(IReadOnlyList<ResourceSnapshot> resources, Uri dashboardUrl, DateTimeOffset now)
    {
        var rows = resources.Select(r => new[]
        {
            r.Name,
            r.Kind,
            r.State.ToString(),
            r.State == ResourceState.Skipped ? "-" : r.Health.ToString(),
            r.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.State == ResourceState.Skipped ? r.Detail ?? "" : string.Join("  ", r.Endpoints.Select(e => $"{e.Name} {e.Url.ToString().TrimEnd('/')}")),
        }).ToList();
        string[] header = ["RESOURCE", "KIND", "STATE", "HEALTH", "PID", "ENDPOINTS"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();

        var text = new System.Text.StringBuilder();
        text.AppendLine();
        AppendRow(text, header, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        text.AppendLine();
        text.Append("  Dashboard:  ").AppendLine(dashboardUrl.ToString());
        var gateway = resources.FirstOrDefault(r => r.Name == "gateway");
        if (gateway?.Endpoints is { Count: > 0 } endpoints)
        {
            text.Append("  Gateway:    ").Append(Url(endpoints, ProjectResource.HttpEndpointName)).AppendLine("  (JSON/REST, gRPC-Web)");
            text.Append("              ").Append(Url(endpoints, ProjectResource.GrpcEndpointName)).AppendLine("  (native gRPC, HTTP/2 cleartext)");
        }

        text.Append("  ").Append(now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).AppendLine("  Ctrl+C stops everything.");
        output.Write(text.ToString());
        output.Flush();
    }

    private static string Url(IReadOnlyList<ResourceEndpoint> endpoints, string name) =>
        endpoints.FirstOrDefault(e => e.Name == name)?.Url.ToString().TrimEnd('/') ?? "-";

    private static void AppendRow(System.Text.StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.AppendLine();
    }
}
