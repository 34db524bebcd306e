using System.Diagnostics;
using System.Net;
using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing;

namespace Dixis.Services.Tests.Redis;

/// <summary>With <c>ConnectionStrings:cache</c> set, services report Redis in <c>/health</c>, against a real redis-server.</summary>
public sealed class RedisHealthTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(DixisServices.Names), MemberType = typeof(DixisServices))]
    public async Task Health_lists_a_running_redis_as_healthy(string service)
    {
        redis.SkipIfUnavailable();
        await using var running = DixisServices.Start(service, new ServiceSettings { Values = { ["ConnectionStrings:cache"] = redis.ConnectionString } });
        using var client = running.CreateHttpClient();

        var health = await HealthReportEventually(client, report => report.Checks.GetValueOrDefault("redis") == "Healthy" && report.HttpStatus == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, health.HttpStatus);
        Assert.Equal("Healthy", health.Checks["redis"]);
        Assert.Equal("Healthy", health.Checks["sqlite"]);
    }

    [Fact]
    public async Task Unreachable_redis_is_reported_unhealthy_quickly_and_grpc_still_answers()
    {
        var closedPort = FreePort.Next();
        await using var catalog = DixisServices.Start("catalog", new ServiceSettings { Values = { ["ConnectionStrings:cache"] = $"127.0.0.1:{closedPort}" } });
        using var client = catalog.CreateHttpClient();
        using var channel = catalog.CreateGrpcChannel();

        var watch = Stopwatch.StartNew();
        var health = await HealthReport.GetAsync(client, "/health", Cancellation);
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.HttpStatus);
        Assert.Equal("Unhealthy", health.Checks["redis"]);
        Assert.Equal("Healthy", health.Checks["sqlite"]);
        Assert.DoesNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), health.Descriptions["redis"], StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"/health took {watch.Elapsed.TotalMilliseconds:F0} ms with Redis down.");

        var tree = await new CategoryService.CategoryServiceClient(channel)
            .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        Assert.NotEmpty(tree.Roots);
    }

    /// <summary>The connection opens in the background right after start; a probe may come first.</summary>
    private static async Task<HealthReport> HealthReportEventually(HttpClient client, Func<HealthReport, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var report = await HealthReport.GetAsync(client, "/health", Cancellation);
            if (condition(report) || deadline.Elapsed > TimeSpan.FromSeconds(5))
            {
                return report;
            }

            await Task.Delay(100, Cancellation);
        }
    }
}
