namespace Dixis.Catalog.Search;

/// <summary>A replacement index being built; see <see cref="IProductSearchIndex.BeginRebuildAsync"/>.</summary>
public interface ISearchIndexRebuild : IAsyncDisposable
{
    /// <summary>Adds documents to the new index (not visible to searches until completed).</summary>
    Task AddAsync(IReadOnlyCollection<ProductSearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Commits the new index with <paramref name="checkpoint"/> and swaps it in for searches.</summary>
    Task CompleteAsync(SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken);
}
