using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dixis.AppHost.Dashboard.Api;
using Dixis.AppHost.Dashboard.Pages;
using Dixis.AppHost.Orchestration;

namespace Dixis.AppHost.Dashboard;

/// <summary>
/// The dashboard's routes: HTML pages (<c>/</c>, <c>/resources/{name}/logs</c>), the live log stream
/// (<c>/resources/{name}/logs/stream</c>, Server-Sent Events) and the JSON API (<c>/api/resources</c>, <c>/api/resources/{name}/logs</c>).
/// </summary>
internal static class DashboardEndpoints
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddRouting();

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (Orchestrator orchestrator, TimeProvider time) =>
            Results.Content(ResourceListPage.Render(Snapshots(orchestrator), time.GetUtcNow()), HtmlContentType));

        routes.MapGet("/resources/{name}/logs", (string name, Orchestrator orchestrator) =>
            orchestrator.Find(name) is { } supervisor
                ? Results.Content(ResourceLogsPage.Render(supervisor.Snapshot(), supervisor.Logs.ReadAfter(0, ResourceLogsPage.InitialLines)), HtmlContentType)
                : Results.Content(Html.Page("Not found", $"<h1>No resource named '{Html.Encode(name)}'</h1>"), HtmlContentType, statusCode: StatusCodes.Status404NotFound));

        routes.MapGet("/resources/{name}/logs/stream", (string name, long? after, HttpRequest request, Orchestrator orchestrator, CancellationToken cancellationToken) =>
        {
            if (orchestrator.Find(name) is not { } supervisor)
            {
                return UnknownResource(name, orchestrator);
            }

            // A reconnecting EventSource says where it stopped; that wins over the page's starting point.
            var resumeAfter = long.TryParse(request.Headers["Last-Event-ID"], out var lastEventId) ? lastEventId : after ?? 0;
            return resumeAfter < 0
                ? Problem(StatusCodes.Status400BadRequest, "Invalid 'after'", $"'after' must be a line sequence number ≥ 0, not {resumeAfter}.")
                : TypedResults.ServerSentEvents(StreamLinesAsync(supervisor, resumeAfter, cancellationToken));
        });

        routes.MapGet("/api/resources", (Orchestrator orchestrator, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            IReadOnlyList<ResourceView> views = [.. Snapshots(orchestrator).Select(s => ResourceView.From(s, now))];
            return Results.Json(views, DashboardJsonContext.Default.IReadOnlyListResourceView);
        });

        routes.MapGet("/api/resources/{name}", (string name, Orchestrator orchestrator, TimeProvider time) =>
            orchestrator.Find(name) is { } supervisor
                ? Results.Json(ResourceView.From(supervisor.Snapshot(), time.GetUtcNow()), DashboardJsonContext.Default.ResourceView)
                : UnknownResource(name, orchestrator));

        routes.MapGet("/api/resources/{name}/logs", (string name, long? after, int? max, Orchestrator orchestrator) =>
        {
            if (orchestrator.Find(name) is not { } supervisor)
            {
                return UnknownResource(name, orchestrator);
            }

            if (after is < 0)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid 'after'", $"'after' must be a line sequence number ≥ 0, not {after}.");
            }

            if (max is < 1)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid 'max'", $"'max' must be at least 1, not {max}.");
            }

            IReadOnlyList<LogLineView> lines = [.. supervisor.Logs.ReadAfter(after ?? 0, max ?? int.MaxValue).Select(LogLineView.From)];
            return Results.Json(lines, DashboardJsonContext.Default.IReadOnlyListLogLineView);
        });

        routes.MapGet("/assets/{file}", (string file) => DashboardAssets.Find(file) is { } asset
            ? Results.Bytes(asset.Content, asset.ContentType)
            : Results.NotFound());

        return routes;
    }

    private static List<ResourceSnapshot> Snapshots(Orchestrator orchestrator) =>
        [.. orchestrator.Supervisors.Select(s => s.Snapshot())];

    private static IResult UnknownResource(string name, Orchestrator orchestrator) =>
        Problem(StatusCodes.Status404NotFound, "Unknown resource", $"No resource named '{name}'. Resources: {string.Join(", ", orchestrator.Supervisors.Select(s => s.Resource.Name))}.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(new ProblemView(status, title, detail), DashboardJsonContext.Default.ProblemView, "application/problem+json", status);

    private static async IAsyncEnumerable<SseItem<string>> StreamLinesAsync(
        ResourceSupervisor supervisor, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = after;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await supervisor.Logs.WaitForLineAfterAsync(last, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            foreach (var line in supervisor.Logs.ReadAfter(last))
            {
                last = line.Sequence;
                var json = JsonSerializer.Serialize(LogLineView.From(line), DashboardJsonContext.Default.LogLineView);
                yield return new SseItem<string>(json, "line") { EventId = line.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
    }
}
