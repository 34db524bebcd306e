using Dixis.Contracts.Catalog.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Search.Sync;

/// <summary>
/// Where this replica's search index is (building, ready, rebuilding; progress; how far it follows the store),
/// shared by the synchronizer that changes it and by <c>GetSearchIndex</c> and the readiness check that read it.
/// </summary>
public sealed class SearchIndexStatus(IProductSearchIndex index)
{
    private readonly Lock gate = new();
    private SearchIndexState state = SearchIndexState.Building;
    private long rebuildIndexed;
    private long rebuildTotal;
    private DateTimeOffset? rebuildStart;
    private TimeSpan? lastRebuildDuration;
    private long syncedThroughMs;

    public SearchIndexState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Whether the index has been complete at least once (searches see the whole catalog, maybe slightly behind).</summary>
    public bool IsComplete => State != SearchIndexState.Building;

    public void RebuildStarted(DateTimeOffset at, long total, bool initial)
    {
        lock (gate)
        {
            state = initial ? SearchIndexState.Building : SearchIndexState.Rebuilding;
            rebuildStart = at;
            rebuildIndexed = 0;
            rebuildTotal = total;
        }
    }

    public void RebuildProgressed(long indexed)
    {
        lock (gate)
        {
            rebuildIndexed = indexed;
        }
    }

    public void RebuildFinished(TimeSpan duration)
    {
        lock (gate)
        {
            state = SearchIndexState.Ready;
            lastRebuildDuration = duration;
            rebuildIndexed = 0;
            rebuildTotal = 0;
        }
    }

    /// <summary>A rebuild failed: the previous index (if any) still serves.</summary>
    public void RebuildFailed(bool hadCompleteIndex)
    {
        lock (gate)
        {
            state = hadCompleteIndex ? SearchIndexState.Ready : SearchIndexState.Building;
        }
    }

    /// <summary>The index was found complete at start.</summary>
    public void Opened()
    {
        lock (gate)
        {
            state = SearchIndexState.Ready;
        }
    }

    public void Synced(long throughMs)
    {
        lock (gate)
        {
            syncedThroughMs = Math.Max(syncedThroughMs, throughMs);
        }
    }

    public SearchIndex ToContract()
    {
        lock (gate)
        {
            var contract = new SearchIndex
            {
                Engine = index.Engine,
                State = state,
                DocumentCount = index.DocumentCount,
                RebuildIndexedCount = rebuildIndexed,
                RebuildTotalCount = rebuildTotal,
            };
            if (rebuildStart is { } started)
            {
                contract.LastRebuildStartTime = Timestamp.FromDateTimeOffset(started);
            }

            if (lastRebuildDuration is { } duration)
            {
                contract.LastRebuildDuration = Duration.FromTimeSpan(duration);
            }

            if (syncedThroughMs > 0)
            {
                contract.SyncedThroughTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(syncedThroughMs));
            }

            return contract;
        }
    }
}
