using System.Net;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Health.V1;

namespace Dixis.Services.Tests.Health;

/// <summary>What the AppHost, Kubernetes and Prometheus see of every service.</summary>
public sealed class DefaultEndpointsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(DixisServices.Names), MemberType = typeof(DixisServices))]
    public async Task Health_reports_the_document_store_ready(string service)
    {
        await using var running = DixisServices.Start(service);
        using var client = running.CreateHttpClient();

        // Readiness may lag the start by a moment (the catalog builds its search index in the background).
        var health = await Eventually.ReadAsync(() => HealthReport.GetAsync(client, "/health", Cancellation), report => report.HttpStatus == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, health.HttpStatus);
        Assert.Equal("Healthy", health.Status);
        Assert.Equal("Healthy", health.Checks["sqlite"]);
        Assert.DoesNotContain("self", health.Checks.Keys);
    }

    [Theory]
    [MemberData(nameof(DixisServices.Names), MemberType = typeof(DixisServices))]
    public async Task Alive_reports_the_process_only(string service)
    {
        await using var running = DixisServices.Start(service);
        using var client = running.CreateHttpClient();

        var alive = await HealthReport.GetAsync(client, "/alive", Cancellation);

        Assert.Equal(HttpStatusCode.OK, alive.HttpStatus);
        Assert.Equal(["self"], alive.Checks.Keys);
    }

    [Theory]
    [MemberData(nameof(DixisServices.Names), MemberType = typeof(DixisServices))]
    public async Task Grpc_health_check_is_serving(string service)
    {
        await using var running = DixisServices.Start(service);
        using var channel = running.CreateGrpcChannel();

        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var response = await Eventually.ReadAsync(
            () => health.CheckAsync(new HealthCheckRequest(), cancellationToken: Cancellation).ResponseAsync,
            answer => answer.Status == HealthCheckResponse.Types.ServingStatus.Serving);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [MemberData(nameof(DixisServices.Names), MemberType = typeof(DixisServices))]
    public async Task Metrics_are_served_in_prometheus_text_format(string service)
    {
        await using var running = DixisServices.Start(service);
        using var client = running.CreateHttpClient();
        await client.GetAsync("/alive", Cancellation);

        using var response = await client.GetAsync("/metrics", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", body, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", body, StringComparison.Ordinal);
    }
}
