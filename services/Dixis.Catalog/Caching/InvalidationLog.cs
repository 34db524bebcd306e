using System.Collections.Concurrent;

namespace Dixis.Catalog.Caching;

/// <summary>
/// When each id (product, slug, producer) was last invalidated in this process, as a point of the process's
/// invalidation sequence. Kept for <see cref="Retention"/> (the longest a cached value may live), pruned lazily.
/// </summary>
public sealed class InvalidationLog(TimeProvider timeProvider, TimeSpan retention)
{
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, (long Sequence, DateTimeOffset At)> invalidated = new(StringComparer.Ordinal);

    public TimeSpan Retention { get; } = retention;

    public void Record(string id, long sequence)
    {
        var now = timeProvider.GetUtcNow();
        invalidated[id] = (sequence, now);
        if (invalidated.Count > PruneAbove)
        {
            foreach (var old in invalidated.Where(entry => now - entry.Value.At > Retention).Select(entry => entry.Key).ToList())
            {
                invalidated.TryRemove(old, out _);
            }
        }
    }

    /// <summary>The sequence of the last invalidation of <paramref name="id"/>, or 0 when there was none lately.</summary>
    public long InvalidatedAt(string id) => invalidated.TryGetValue(id, out var entry) ? entry.Sequence : 0;
}
