using System.Collections.Concurrent;

namespace Dixis.Catalog.Caching;

/// <summary>
/// When each id (product, slug, producer) was last invalidated in this process, as a point of the process's
/// invalidation sequence. Kept for <see cref="Retention"/> (the longest a cached value may live), pruned lazily.
/// </summary>
public sealed class InvalidationLog(TimeProvider timeProvider, TimeSpan retention)
{
    /// <summary>Below this many entries the log is never pruned.</summary>
    internal const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, (long Sequence, DateTimeOffset At)> invalidated = new(StringComparer.Ordinal);
    private readonly Lock pruning = new();

    // A prune scans every entry, so the next one waits until the log has doubled: an import that invalidates
    // 200,000 ids within the retention would otherwise scan the whole log on every id it records.
    private int pruneAt = PruneAbove;

    public TimeSpan Retention { get; } = retention;

    /// <summary>How many ids the log holds (for tests and diagnostics).</summary>
    public int Count => invalidated.Count;

    public void Record(string id, long sequence)
    {
        var now = timeProvider.GetUtcNow();
        invalidated[id] = (sequence, now);
        if (invalidated.Count > Volatile.Read(ref pruneAt))
        {
            Prune(now);
        }
    }

    /// <summary>The sequence of the last invalidation of <paramref name="id"/>, or 0 when there was none lately.</summary>
    public long InvalidatedAt(string id) => invalidated.TryGetValue(id, out var entry) ? entry.Sequence : 0;

    private void Prune(DateTimeOffset now)
    {
        lock (pruning)
        {
            if (invalidated.Count <= pruneAt)
            {
                return;
            }

            foreach (var entry in invalidated)
            {
                if (now - entry.Value.At > Retention)
                {
                    invalidated.TryRemove(entry.Key, out _);
                }
            }

            Volatile.Write(ref pruneAt, Math.Max(PruneAbove, invalidated.Count * 2));
        }
    }
}
