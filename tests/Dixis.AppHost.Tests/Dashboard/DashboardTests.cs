using System.Net;
using System.Text.Json;
using Dixis.AppHost.Tests.Fixtures;

namespace Dixis.AppHost.Tests.Dashboard;

[Collection(PlatformCollection.Name)]
public sealed class DashboardTests(PlatformFixture fixture)
{
    // Declaration order of Program.DescribePlatform.
    private static readonly string[] AllResources = ["cache", "mongo", "auth", "catalog", "shipping", "orders", "gateway"];

    [Fact]
    public async Task Home_page_lists_every_resource_with_state_health_and_endpoints_without_javascript()
    {
        using var dashboard = fixture.CreateDashboardClient();

        var html = await dashboard.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var name in AllResources)
        {
            Assert.Contains($"""<tr id="resource-{name}" data-resource="{name}">""", html, StringComparison.Ordinal);
        }

        foreach (var name in new[] { "auth", "catalog", "orders", "shipping", "gateway" })
        {
            var snapshot = fixture.Platform.Resource(name);
            var row = RowOf(html, name);
            Assert.Contains(">Running<", row, StringComparison.Ordinal);
            Assert.Contains(">Healthy<", row, StringComparison.Ordinal);
            Assert.Contains(fixture.Platform.Endpoint(name, "grpc").ToString().TrimEnd('/'), row, StringComparison.Ordinal);
            Assert.Contains(fixture.Platform.Endpoint(name, "http").ToString().TrimEnd('/'), row, StringComparison.Ordinal);
            Assert.Contains($">{snapshot.ProcessId}<", row, StringComparison.Ordinal);
            Assert.Contains($"""href="/resources/{name}/logs">""", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Environment_view_masks_secrets_and_passwords_inside_connection_strings()
    {
        using var dashboard = fixture.CreateDashboardClient();
        var html = await dashboard.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await dashboard.GetStringAsync(new Uri("/api/resources/catalog", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var shown in new[] { html, json })
        {
            Assert.Contains(PlatformFixture.FakeSecretKey, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(PlatformFixture.FakeSecretValue, shown, StringComparison.Ordinal);
            Assert.Contains(PlatformFixture.FakeConnectionKey, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(PlatformFixture.FakeConnectionPassword, shown, StringComparison.Ordinal);
            Assert.Contains("Username=app", shown, StringComparison.Ordinal);
            Assert.Contains("services__catalog", html, StringComparison.Ordinal);
        }

        // The process itself got the real value: only the view is masked.
        Assert.Equal(PlatformFixture.FakeSecretValue, fixture.Platform.Resource("catalog").Environment[PlatformFixture.FakeSecretKey]);
    }

    [Fact]
    public async Task Logs_page_shows_what_the_service_printed()
    {
        using var dashboard = fixture.CreateDashboardClient();
        var printed = fixture.Platform.Logs("catalog");
        Assert.NotEmpty(printed);
        var port = fixture.Platform.Endpoint("catalog", "http").Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(printed, l => l.Text.Contains(port, StringComparison.Ordinal));

        var html = await dashboard.GetStringAsync(new Uri("/resources/catalog/logs", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("""<pre id="console" class="console" data-resource="catalog" """, html, StringComparison.Ordinal);
        foreach (var line in printed.TakeLast(20))
        {
            Assert.Contains(WebUtility.HtmlEncode(line.Text), html, StringComparison.Ordinal);
        }

        Assert.Contains(port, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_log_stream_sends_the_lines_after_the_given_sequence_as_server_sent_events()
    {
        using var dashboard = fixture.CreateDashboardClient();
        var printed = fixture.Platform.Logs("catalog");
        var after = printed[^Math.Min(3, printed.Count)].Sequence - 1;

        using var response = await dashboard.GetAsync(
            new Uri($"/resources/catalog/logs/stream?after={after}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead,
            TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await ReadEventDataAsync(reader);
        using var line = JsonDocument.Parse(first);
        Assert.Equal(after + 1, line.RootElement.GetProperty("sequence").GetInt64());
        Assert.Equal(printed.Single(l => l.Sequence == after + 1).Text, line.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Json_api_lists_every_resource_and_its_logs()
    {
        using var dashboard = fixture.CreateDashboardClient();

        using var resources = JsonDocument.Parse(await dashboard.GetStringAsync(new Uri("/api/resources", UriKind.Relative), TestContext.Current.CancellationToken));
        using var logs = JsonDocument.Parse(await dashboard.GetStringAsync(new Uri("/api/resources/gateway/logs?max=5", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(AllResources, resources.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var gateway = resources.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "gateway");
        Assert.Equal("Running", gateway.GetProperty("state").GetString());
        Assert.Equal("Healthy", gateway.GetProperty("health").GetString());
        Assert.True(gateway.GetProperty("uptimeSeconds").GetDouble() > 0);
        Assert.InRange(logs.RootElement.GetArrayLength(), 1, 5);
    }

    [Theory]
    [InlineData("/api/resources/billing", HttpStatusCode.NotFound, "No resource named 'billing'")]
    [InlineData("/api/resources/billing/logs", HttpStatusCode.NotFound, "No resource named 'billing'")]
    [InlineData("/resources/billing/logs", HttpStatusCode.NotFound, "No resource named 'billing'")]
    [InlineData("/api/resources/catalog/logs?after=-1", HttpStatusCode.BadRequest, "'after' must be a line sequence number")]
    [InlineData("/api/resources/catalog/logs?max=0", HttpStatusCode.BadRequest, "'max' must be at least 1")]
    [InlineData("/resources/%3Cscript%3E/logs", HttpStatusCode.NotFound, "&lt;script&gt;")]
    public async Task Bad_requests_get_a_precise_error(string path, HttpStatusCode status, string message)
    {
        using var dashboard = fixture.CreateDashboardClient();

        using var response = await dashboard.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(body);
            Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
            body = problem.RootElement.GetProperty("detail").GetString();
        }

        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    private static string RowOf(string html, string name)
    {
        var start = html.IndexOf($"""<tr id="resource-{name}" """, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static async Task<string> ReadEventDataAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The stream ended without an event.");
    }
}
