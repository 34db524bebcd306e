using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// GCRA in this process's memory, with the same arithmetic as <see cref="RedisGcraLimiter"/>: the limits of one
/// gateway instance, used when Redis is not configured or cannot be reached. Lock-free on the hot path (one
/// compare-and-swap per bucket); bounded in memory: a bucket whose theoretical arrival time has passed is the same as
/// none and is swept away, and once <see cref="RateLimitOptions.MaxInMemoryKeys"/> identities are tracked, new ones
/// share one overflow cell per limit, limited together rather than not at all.
/// </summary>
public sealed class InMemoryGcraLimiter : IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Cell> cells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cell> overflow = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly ILogger<InMemoryGcraLimiter> logger;
    private readonly long origin;
    private readonly int maxKeys;
    private readonly ITimer sweeper;
    private int count;
    private int overflowing;

    public InMemoryGcraLimiter(IOptions<RateLimitOptions> options, TimeProvider timeProvider, ILogger<InMemoryGcraLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        this.logger = logger;
        maxKeys = options.Value.MaxInMemoryKeys;
        origin = timeProvider.GetTimestamp();
        sweeper = timeProvider.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
    }

    /// <summary>Identities tracked now (overflow cells aside).</summary>
    public int Count => Volatile.Read(ref count);

    public RateLimitDecision Acquire(RateLimitBucket[] buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var now = NowMicroseconds();
        for (var i = 0; i < buckets.Length; i++)
        {
            var bucket = buckets[i];
            if (TryTake(CellOf(bucket), bucket, now, out var wait))
            {
                continue;
            }

            // All or nothing, as in Redis: give back what the earlier buckets took, and report the longest wait.
            for (var taken = 0; taken < i; taken++)
            {
                Interlocked.Add(ref CellOf(buckets[taken]).Tat, -buckets[taken].IntervalMicroseconds);
            }

            var refusedBy = bucket.Limit;
            for (var later = i + 1; later < buckets.Length; later++)
            {
                var needed = WaitOf(CellOf(buckets[later]), buckets[later], now);
                if (needed > wait)
                {
                    (wait, refusedBy) = (needed, buckets[later].Limit);
                }
            }

            return RateLimitDecision.Refused(wait, refusedBy);
        }

        return RateLimitDecision.Allowed;
    }

    public void Dispose() => sweeper.Dispose();

    private static bool TryTake(Cell cell, RateLimitBucket bucket, long now, out long wait)
    {
        while (true)
        {
            var stored = Volatile.Read(ref cell.Tat);
            var tat = Math.Max(stored, now);
            wait = tat - bucket.ToleranceMicroseconds - now;
            if (wait > 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref cell.Tat, tat + bucket.IntervalMicroseconds, stored) == stored)
            {
                return true;
            }
        }
    }

    private static long WaitOf(Cell cell, RateLimitBucket bucket, long now) =>
        Math.Max(Volatile.Read(ref cell.Tat), now) - bucket.ToleranceMicroseconds - now;

    private Cell CellOf(RateLimitBucket bucket)
    {
        if (cells.TryGetValue(bucket.Key, out var cell))
        {
            return cell;
        }

        if (Volatile.Read(ref count) >= maxKeys)
        {
            if (Interlocked.Exchange(ref overflowing, 1) == 0)
            {
                RateLimitLog.InMemoryKeysExhausted(logger, maxKeys);
            }

            return overflow.GetOrAdd(bucket.Limit, static _ => new Cell());
        }

        var created = new Cell();
        if (cells.TryAdd(bucket.Key, created))
        {
            Interlocked.Increment(ref count);
            return created;
        }

        return cells.TryGetValue(bucket.Key, out cell) ? cell : created;
    }

    /// <summary>
    /// Removes the cells whose theoretical arrival time has passed. A call that read such a cell just before it went
    /// may count in the removed cell; that call passes either way, and at most one count per race is lost.
    /// </summary>
    private void Sweep()
    {
        var now = NowMicroseconds();
        foreach (var entry in cells)
        {
            if (Volatile.Read(ref entry.Value.Tat) <= now && cells.TryRemove(entry))
            {
                Interlocked.Decrement(ref count);
            }
        }

        foreach (var entry in overflow)
        {
            if (Volatile.Read(ref entry.Value.Tat) <= now)
            {
                overflow.TryRemove(entry);
            }
        }

        if (Volatile.Read(ref count) < maxKeys)
        {
            Interlocked.Exchange(ref overflowing, 0);
        }
    }

    private long NowMicroseconds() => timeProvider.GetElapsedTime(origin).Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>A bucket's theoretical arrival time, in microseconds since the limiter started.</summary>
    private sealed class Cell
    {
        public long Tat;
    }
}
