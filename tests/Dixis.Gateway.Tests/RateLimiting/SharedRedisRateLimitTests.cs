using System.Net;
using Dixis.Gateway.RateLimiting;
using Dixis.Gateway.Tests.Infrastructure;
using Dixis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>With Redis, the gateway replicas share one limit per identity: a caller cannot multiply it by spreading calls over them.</summary>
public sealed class SharedRedisRateLimitTests(GatewayFixture fixture, RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int PerIp = 6;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_gateways_on_one_redis_reach_the_limit_at_the_combined_count()
    {
        redis.SkipIfUnavailable();
        var settings = RateLimitedGateway.Limits(PerIp, redis: redis.ConnectionString);
        await using var first = new RateLimitedGateway(fixture, settings);
        await using var second = new RateLimitedGateway(fixture, settings);
        await WaitForSharedLimitsAsync(first);
        await WaitForSharedLimitsAsync(second);
        var address = RateLimitedGateway.NewAddress();

        for (var call = 0; call < PerIp; call++)
        {
            var gateway = call % 2 == 0 ? first : second;
            Assert.Equal(HttpStatusCode.OK, await gateway.GetProductJsonStatusAsync(address, Cancellation));
        }

        // Each instance has seen only 3 of its 6: only a shared count refuses now, on both.
        Assert.Equal(HttpStatusCode.TooManyRequests, await first.GetProductJsonStatusAsync(address, Cancellation));
        Assert.Equal(HttpStatusCode.TooManyRequests, await second.GetProductJsonStatusAsync(address, Cancellation));
        Assert.Equal(HttpStatusCode.OK, await second.GetProductJsonStatusAsync(RateLimitedGateway.NewAddress(), Cancellation));
        Assert.True(first.Factory.Services.GetRequiredService<FallbackRateLimiter>().UsesSharedLimits);
    }

    /// <summary>The Redis connection opens in the background after start; until then calls are limited in memory.</summary>
    internal static async Task WaitForSharedLimitsAsync(RateLimitedGateway gateway)
    {
        var limiter = gateway.Factory.Services.GetRequiredService<FallbackRateLimiter>();
        // Reconnecting after a restart follows the client's back-off, which can take some seconds.
        for (var attempt = 0; attempt < 400 && !limiter.UsesSharedLimits; attempt++)
        {
            await Task.Delay(50, Cancellation);
        }

        Assert.True(limiter.UsesSharedLimits, "The gateway did not connect to Redis.");
    }
}
