using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;

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

        // Analysis dominates a rebuild and the writer indexes from several threads at once, so a batch is spread over
        // the cores. Replace by id rather than add: a product fed twice (a page moved under a paging reader) stays one.
        // Within a batch the last copy of a product wins here: two threads replacing the same id at once could both stay.
        var batch = documents.GroupBy(document => document.ProductId, StringComparer.Ordinal).Select(copies => copies.Last()).ToList();
        try
        {
            Parallel.For(
                0,
                batch.Count,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                index => Generation.Writer.UpdateDocument(new Term(ProductFields.Id, batch[index].ProductId), ProductDocumentFactory.Create(batch[index])));
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }

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
