using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// The gateway's limiter: shared limits in Redis while Redis answers, this instance's in-memory limits (the same
/// rules, the same algorithm) while it does not, so a call is never unlimited. A failed or slow Redis call sends the
/// calls of the next <see cref="RateLimitOptions.RedisRetryInterval"/> to memory, rather than making each of them
/// wait for the timeout; a disconnected Redis is not even tried. Each switch is logged once.
/// </summary>
public sealed class FallbackRateLimiter(
    RedisGcraLimiter shared,
    InMemoryGcraLimiter local,
    IOptions<RateLimitOptions> options,
    TimeProvider timeProvider,
    ILogger<FallbackRateLimiter> logger) : IRateLimiter
{
    private const int Unknown = 0;
    private const int Shared = 1;
    private const int Local = 2;

    private readonly TimeSpan timeout = options.Value.RedisTimeout;
    private readonly long retryInterval = (long)(options.Value.RedisRetryInterval.TotalSeconds * timeProvider.TimestampFrequency);
    private int mode = Unknown;
    private long sharedRetryAt;

    /// <summary>Whether calls are counted in Redis now: configured, connected, and not waiting out a recent failure.</summary>
    public bool UsesSharedLimits => shared.IsConnected && !IsWaitingOutFailure();

    /// <summary>Whether a Redis connection is configured at all.</summary>
    public bool IsSharedConfigured => shared.IsConfigured;

    public ValueTask<RateLimitDecision> AcquireAsync(RateLimitBucket[] buckets, CancellationToken cancellationToken)
    {
        if (!shared.IsConfigured)
        {
            SwitchTo(Local, static (log, _) => RateLimitLog.SharedLimitsNotConfigured(log), null);
            return ValueTask.FromResult(local.Acquire(buckets));
        }

        if (!shared.IsConnected)
        {
            SwitchTo(Local, static (log, _) => RateLimitLog.SharedLimitsUnavailable(log, "not connected", null), null);
            return ValueTask.FromResult(local.Acquire(buckets));
        }

        return IsWaitingOutFailure() ? ValueTask.FromResult(local.Acquire(buckets)) : AcquireSharedAsync(buckets, cancellationToken);
    }

    private async ValueTask<RateLimitDecision> AcquireSharedAsync(RateLimitBucket[] buckets, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await shared.AcquireAsync(buckets, timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            SwitchTo(Shared, static (log, _) => RateLimitLog.SharedLimitsResumed(log), null);
            return decision;
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Another call's script may still be counted in Redis after its timeout; counting this one locally as well
            // errs on the side of the limit.
            Volatile.Write(ref sharedRetryAt, timeProvider.GetTimestamp() + retryInterval);
            SwitchTo(Local, static (log, exception) => RateLimitLog.SharedLimitsUnavailable(log, exception!.GetType().Name, exception), failure);
            return local.Acquire(buckets);
        }
    }

    private bool IsWaitingOutFailure() => timeProvider.GetTimestamp() < Volatile.Read(ref sharedRetryAt);

    private void SwitchTo(int next, Action<ILogger, Exception?> log, Exception? cause)
    {
        // The hot path reads only; the exchange, which makes the log line appear once per switch, runs on a change.
        var previous = Volatile.Read(ref mode);
        if (previous != next && Interlocked.CompareExchange(ref mode, next, previous) == previous && !(previous == Unknown && next == Shared))
        {
            log(logger, cause);
        }
    }
}
