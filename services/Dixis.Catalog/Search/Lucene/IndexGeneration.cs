using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// One physical index (a folder with its writer and near-real-time searchers), counted while in use so that a
/// rebuild can swap it out under running searches and close it only when the last of them has finished.
/// </summary>
internal sealed class IndexGeneration(string name, string path, LuceneDirectory directory, IndexWriter writer)
{
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One reference belongs to the owner until <see cref="RetireAsync"/>; each caller inside adds one.</summary>
    private int references = 1;

    private SearcherManager? searchers;

    /// <summary>The folder name, as the active-index pointer records it.</summary>
    public string Name { get; } = name;

    public string Path { get; } = path;

    public IndexWriter Writer { get; } = writer;

    public SearcherManager Searchers => searchers ?? throw new InvalidOperationException($"Index {Name} is not open for searching.");

    public void OpenSearchers(SearcherFactory factory) => searchers = new SearcherManager(Writer, applyAllDeletes: true, factory);

    /// <summary>Runs a read on the current near-real-time searcher.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = Searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Adds or replaces documents by product id (a product given twice stays one document, the last). Every document is
    /// checked before any is written, so a bad one leaves the whole batch unapplied.
    /// </summary>
    public void Replace(IReadOnlyCollection<ProductSearchDocument> products)
    {
        // The last of a product given twice wins before the batch is put in locality order.
        var latest = new Dictionary<string, ProductSearchDocument>(products.Count, StringComparer.Ordinal);
        foreach (var product in products)
        {
            latest[product.ProductId] = product;
        }

        var prepared = latest.Values
            .Order(DocumentLocalityOrder.Instance)
            .Select(product => (Id: new Term(ProductFields.Id, product.ProductId), Document: ProductDocumentFactory.Create(product)))
            .ToList();
        foreach (var (id, document) in prepared)
        {
            Writer.UpdateDocument(id, document);
        }
    }

    /// <summary>Takes a reference, unless the generation has been retired (then the caller reads the current one again).</summary>
    public bool TryEnter()
    {
        while (true)
        {
            var seen = Volatile.Read(ref references);
            if (seen == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref references, seen + 1, seen) == seen)
            {
                return true;
            }
        }
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            drained.TrySetResult();
        }
    }

    /// <summary>Drops the owner's reference; completes when no caller is inside any more.</summary>
    public Task RetireAsync()
    {
        Exit();
        return drained.Task;
    }

    /// <summary>
    /// Closes searchers, writer and folder. <paramref name="keepChanges"/> commits what was written since the last commit
    /// (under the last checkpoint, which stays true: replaying changes after it is harmless); otherwise they are dropped.
    /// </summary>
    public void Close(bool keepChanges)
    {
        searchers?.Dispose();
        if (keepChanges)
        {
            Writer.Dispose(waitForMerges: false);
        }
        else
        {
            Writer.Rollback();
        }

        directory.Dispose();
    }
}
