using System.Diagnostics;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>A replacement index being written in its own folder; searches keep using the current one until <see cref="CompleteAsync"/>.</summary>
internal sealed class LuceneSearchIndexRebuild(LuceneProductSearchIndex owner, IndexGeneration generation, long startTimestamp) : ISearchIndexRebuild
{
    private int finished;

    public IndexGeneration Generation { get; } = generation;

    /// <summary>When the rebuild began, as a <see cref="Stopwatch"/>-style timestamp of the index's time provider.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public Task AddAsync(IReadOnlyCollection<ProductSearchDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref finished) != 0, this);

        // One thread: indexing from several contends on locks inside Lucene.Net and cost more CPU than it saved in time,
        // CPU that searches running meanwhile need.
        Generation.Replace(documents);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref finished) != 0, this);
        await owner.CompleteRebuildAsync(this, checkpoint, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref finished, 1);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref finished, 1) == 0)
        {
            await owner.DiscardRebuildAsync(this).ConfigureAwait(false);
        }
    }
}
