namespace Dixis.Catalog.Search;

/// <summary>
/// The product search engine, behind an engine-neutral contract: the embedded Lucene.Net index now, an
/// Elasticsearch index later. The index holds only what the public may find (active products of active
/// producers) and is derived from the store: the catalog's synchronizer feeds it, so an engine
/// never reads the store itself. Queries are built from <see cref="ProductSearchQuery"/> in code; a user's
/// text is never parsed as query syntax.
/// </summary>
public interface IProductSearchIndex : IAsyncDisposable
{
    /// <summary>The engine's name as reported by <c>GetSearchIndex</c>, e.g. <c>lucene</c>.</summary>
    string Engine { get; }

    /// <summary>The number of products searchable now.</summary>
    long DocumentCount { get; }

    /// <summary>
    /// Opens the index, creating it when absent. Returns the checkpoint of the last commit, or null when the
    /// index is new, unreadable, or was written by an incompatible version of the engine's schema (analysis,
    /// fields): the caller then rebuilds it from the store.
    /// </summary>
    Task<SearchIndexCheckpoint?> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces documents by product id. Visible to searches after <see cref="RefreshAsync"/>.</summary>
    Task UpsertAsync(IReadOnlyCollection<ProductSearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Removes documents by product id; unknown ids are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken);

    /// <summary>Makes every change so far visible to searches (near real time, not necessarily durable).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Makes every change so far durable together with <paramref name="checkpoint"/>, and visible.</summary>
    Task CommitAsync(SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Reorganises the index for search speed after many changes (Lucene: merges its segments into one, the shape a
    /// rebuild leaves). Searches keep answering meanwhile; on a large catalog it takes seconds of CPU, so it is for a
    /// pause after a burst of writes such as a bulk import, not for every change. Durable with the next commit.
    /// </summary>
    Task CompactAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts building a complete replacement of the index. Searches keep answering from the current index
    /// until <see cref="ISearchIndexRebuild.CompleteAsync"/> swaps the new one in; disposing the rebuild
    /// without completing it discards it. One rebuild at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">A rebuild is already running.</exception>
    Task<ISearchIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken);

    /// <summary>One page of matches with total count and, when asked, facets.</summary>
    /// <exception cref="InvalidSearchCursorException"><see cref="ProductSearchQuery.Cursor"/> was not issued by this engine.</exception>
    Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Products whose name has a word starting with the words of <paramref name="prefix"/>, best first.</summary>
    Task<IReadOnlyList<ProductNameSuggestion>> SuggestAsync(string prefix, string? language, int maxSuggestions, CancellationToken cancellationToken);

    /// <summary>How many searchable products each value of <paramref name="dimension"/> has (for <c>product_count</c>).</summary>
    Task<IReadOnlyDictionary<string, long>> CountByAsync(SearchCountDimension dimension, CancellationToken cancellationToken);
}
