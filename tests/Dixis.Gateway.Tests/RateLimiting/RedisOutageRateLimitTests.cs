using System.Net;
using System.Text.Json;
using Dixis.Gateway.RateLimiting;
using Dixis.Gateway.Tests.Infrastructure;
using Dixis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>
/// When Redis goes away the gateway keeps serving and keeps limiting, each instance on its own, and says so in its
/// readiness report without leaving service; when Redis is back, the limits are shared again.
/// </summary>
public sealed class RedisOutageRateLimitTests(GatewayFixture fixture)
{
    private const int PerIp = 4;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_redis_stopped_calls_pass_under_the_local_limit_a_flood_is_refused_and_health_is_degraded()
    {
        await using var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        redis.SkipIfUnavailable();
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp, redis: redis.ConnectionString));
        await SharedRedisRateLimitTests.WaitForSharedLimitsAsync(gateway);
        Assert.Equal(("Healthy", "Healthy"), await ReadinessAsync(gateway));

        await redis.StopAsync();
        var address = RateLimitedGateway.NewAddress();
        for (var call = 0; call < PerIp; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        var (overall, rateLimits) = await ReadinessAsync(gateway);
        Assert.Equal("Degraded", overall);
        Assert.Equal("Degraded", rateLimits);
        var switched = gateway.Factory.Services.GetRequiredService<Microsoft.Extensions.Logging.Testing.FakeLogCollector>()
            .GetSnapshot().Where(record => record.Id.Id == 20).ToList();
        Assert.Single(switched);
        Assert.Equal(LogLevel.Warning, switched[0].Level);

        await redis.RestartAsync();
        await SharedRedisRateLimitTests.WaitForSharedLimitsAsync(gateway);
        // The restarted Redis is empty: the shared count of this address starts again, and is kept there.
        for (var call = 0; call < PerIp; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        Assert.Equal(("Healthy", "Healthy"), await ReadinessAsync(gateway));
    }

    [Fact]
    public async Task Without_redis_configured_the_limits_are_per_instance_and_readiness_stays_ok_but_degraded()
    {
        await using var gateway = new RateLimitedGateway(fixture, RateLimitedGateway.Limits(PerIp));
        var address = RateLimitedGateway.NewAddress();
        for (var call = 0; call < PerIp; call++)
        {
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        Assert.Equal(("Degraded", "Degraded"), await ReadinessAsync(gateway));
    }

    /// <summary>The overall status and the rate-limits check of <c>/health</c>, which must answer 200 (in service) either way.</summary>
    private static async Task<(string Overall, string RateLimits)> ReadinessAsync(RateLimitedGateway gateway)
    {
        using var response = await gateway.Json.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        var check = report.RootElement.GetProperty("checks").EnumerateArray()
            .Single(entry => entry.GetProperty("name").GetString() == RateLimitHealthCheck.Name);
        var description = check.GetProperty("description").GetString();
        var status = check.GetProperty("status").GetString()!;
        if (status == "Degraded")
        {
            Assert.Contains("per-instance limits", description, StringComparison.Ordinal);
        }

        return (report.RootElement.GetProperty("status").GetString()!, status);
    }
}
