using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;

namespace Dixis.Services.Tests.Catalog;

/// <summary>
/// A fake at the edge of the world: the real Lucene index, except that compacting it fails as a full disk would. It
/// records what the synchronizer asked of it, in order, so a test can see what followed the failure.
/// </summary>
internal sealed class CompactionFailingSearchIndex(LuceneProductSearchIndex inner) : IProductSearchIndex
{
    private readonly List<string> calls = [];

    public string Engine => inner.Engine;

    public long DocumentCount => inner.DocumentCount;

    /// <summary>The compactions and commits asked for so far, oldest first.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    public int CompactionAttempts => Calls.Count(call => call == "compact");

    public Task<SearchIndexCheckpoint?> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public Task UpsertAsync(IReadOnlyCollection<ProductSearchDocument> documents, CancellationToken cancellationToken) => inner.UpsertAsync(documents, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken) => inner.DeleteAsync(productIds, cancellationToken);

    public Task RefreshAsync(CancellationToken cancellationToken) => inner.RefreshAsync(cancellationToken);

    public Task CommitAsync(SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Record("commit");
        return inner.CommitAsync(checkpoint, cancellationToken);
    }

    public Task CompactAsync(CancellationToken cancellationToken)
    {
        Record("compact");
        throw new IOException("No space left on device (a fake failure of the test).");
    }

    public Task<ISearchIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken) => inner.BeginRebuildAsync(cancellationToken);

    public Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<ProductNameSuggestion>> SuggestAsync(string prefix, string? language, int maxSuggestions, CancellationToken cancellationToken) =>
        inner.SuggestAsync(prefix, language, maxSuggestions, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountByAsync(SearchCountDimension dimension, CancellationToken cancellationToken) => inner.CountByAsync(dimension, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Record(string call)
    {
        lock (calls)
        {
            calls.Add(call);
        }
    }
}
