using Dixis.Gateway.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>The per-instance limiter: GCRA's burst and rate, all-or-nothing over several limits, and bounded memory.</summary>
public sealed class InMemoryGcraLimiterTests
{
    private static readonly RateLimitRule TenPerSecondBurstThree = new() { Requests = 10, Period = TimeSpan.FromSeconds(1), Burst = 3 };

    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void A_burst_passes_at_once_and_then_one_call_per_interval()
    {
        using var limiter = Limiter();
        RateLimitBucket[] ip = [new("ip:a", "ip", TenPerSecondBurstThree)];

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(limiter.Acquire(ip).IsAllowed));
        var refused = limiter.Acquire(ip);
        Assert.False(refused.IsAllowed);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.RetryAfter);

        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(limiter.Acquire(ip).IsAllowed);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.Acquire(ip).IsAllowed);
        Assert.False(limiter.Acquire(ip).IsAllowed);
    }

    [Fact]
    public void A_call_refused_by_one_limit_counts_in_none()
    {
        using var limiter = Limiter();
        var strict = new RateLimitRule { Requests = 1, Period = TimeSpan.FromMinutes(1), Burst = 1 };
        RateLimitBucket[] login = [new("ip:a", "ip", TenPerSecondBurstThree), new("sensitive:a", "sensitive", strict)];
        RateLimitBucket[] read = [new("ip:a", "ip", TenPerSecondBurstThree)];

        Assert.True(limiter.Acquire(login).IsAllowed);
        var refused = limiter.Acquire(login);
        Assert.False(refused.IsAllowed);
        Assert.Equal("sensitive", refused.Limit);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);

        // The refused login gave its per-IP count back: two of the burst of three are left.
        Assert.True(limiter.Acquire(read).IsAllowed);
        Assert.True(limiter.Acquire(read).IsAllowed);
        Assert.False(limiter.Acquire(read).IsAllowed);
    }

    [Fact]
    public void Idle_identities_are_evicted_and_beyond_the_bound_new_ones_share_one_cell()
    {
        using var limiter = Limiter(maxKeys: 16);
        var oneAtOnce = new RateLimitRule { Requests = 1, Period = TimeSpan.FromSeconds(1), Burst = 1 };
        for (var identity = 0; identity < 16; identity++)
        {
            Assert.True(limiter.Acquire([new($"ip:{identity}", "ip", oneAtOnce)]).IsAllowed);
        }

        Assert.Equal(16, limiter.Count);
        Assert.True(limiter.Acquire([new("ip:new-1", "ip", oneAtOnce)]).IsAllowed);
        // Still limited beyond the bound: the second newcomer shares the first one's cell.
        Assert.False(limiter.Acquire([new("ip:new-2", "ip", oneAtOnce)]).IsAllowed);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, limiter.Count);
        Assert.True(limiter.Acquire([new("ip:new-2", "ip", oneAtOnce)]).IsAllowed);
        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public async Task Concurrent_callers_get_exactly_the_burst()
    {
        using var limiter = Limiter();
        var burst = new RateLimitRule { Requests = 1, Period = TimeSpan.FromMinutes(1), Burst = 50 };
        RateLimitBucket[] ip = [new("ip:a", "ip", burst)];

        var allowed = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => limiter.Acquire(ip).IsAllowed, TestContext.Current.CancellationToken)));

        Assert.Equal(50, allowed.Count(passed => passed));
    }

    private InMemoryGcraLimiter Limiter(int maxKeys = 1000) =>
        new(Microsoft.Extensions.Options.Options.Create(new RateLimitOptions { MaxInMemoryKeys = maxKeys }), clock, NullLogger<InMemoryGcraLimiter>.Instance);
}
