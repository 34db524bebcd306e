namespace Dixis.Catalog.Search.Sync;

/// <summary>
/// Wakes the search index synchronizer after a local write, so this replica's own changes are
/// searchable within milliseconds instead of at the next poll. Signals coalesce: many writes, one sync.
/// </summary>
public sealed class SearchIndexSignal
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A sync is already due: it will see this change too.
        }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => pending.WaitAsync(timeout, cancellationToken);
}
