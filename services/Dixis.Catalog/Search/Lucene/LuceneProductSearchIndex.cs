using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The embedded product index on Lucene.Net. Writes go to one <see cref="IndexWriter"/> and become visible through a
/// near-real-time <see cref="SearcherManager"/>; a rebuild writes a second index beside it and swaps it in. Lucene
/// is synchronous and a search takes a millisecond or two, so operations run on the caller's thread rather than being
/// handed to another pool thread. Nothing blocks a thread waiting for another: searches and writes take no lock (the
/// current index is reference-counted), and the gate that orders commits and swaps is awaited.
/// </summary>
public sealed partial class LuceneProductSearchIndex : IProductSearchIndex
{
    public const string EngineName = "lucene";

    private const int MaxPageSize = 100;
    private const int MaxSuggestions = 100;

    private readonly LuceneSearchOptions options;
    private readonly string defaultLanguage;
    private readonly TimeProvider time;
    private readonly ILogger<LuceneProductSearchIndex> logger;
    private readonly IndexDirectoryLayout layout;
    private readonly ProductTextAnalyzer analyzer = new();
    private readonly BM25Similarity similarity = new();
    private readonly ProductSearcherFactory searcherFactory;
    private readonly SegmentColumnsCache columns;
    private readonly ProductSorts sorts;

    /// <summary>Serialises open, commit, rebuild start/swap/discard and dispose; searches and writes never take it.</summary>
    private readonly SemaphoreSlim lifecycle = new(1, 1);

    private volatile IndexGeneration? current;
    private LuceneSearchIndexRebuild? rebuild;
    private volatile bool disposed;

    public LuceneProductSearchIndex(
        IOptions<LuceneSearchOptions> options,
        IOptions<CatalogOptions> catalogOptions,
        TimeProvider time,
        ILogger<LuceneProductSearchIndex> logger)
    {
        this.options = options.Value;
        defaultLanguage = catalogOptions.Value.DefaultLanguage;
        this.time = time;
        this.logger = logger;
        var root = this.options.IndexDirectory ?? throw new ArgumentException("LuceneSearchOptions.IndexDirectory is required.", nameof(options));
        layout = new IndexDirectoryLayout(Path.GetFullPath(root), time);
        searcherFactory = new ProductSearcherFactory(similarity);
        columns = new SegmentColumnsCache(defaultLanguage);
        sorts = new ProductSorts(columns);
    }

    public string Engine => EngineName;

    public long DocumentCount
    {
        get
        {
            var generation = current;
            if (generation is null || !generation.TryEnter())
            {
                return 0;
            }

            try
            {
                return generation.Read(searcher => searcher.IndexReader.NumDocs);
            }
            finally
            {
                generation.Exit();
            }
        }
    }

    /// <summary>The segments searches read now (diagnostics and tests; see <see cref="CompactAsync"/>).</summary>
    internal int SegmentCount => Read(searcher => searcher.IndexReader.Leaves.Count);

    public async Task<SearchIndexCheckpoint?> OpenAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (current is not null)
            {
                throw new InvalidOperationException("The search index is already open.");
            }

            System.IO.Directory.CreateDirectory(layout.Root);
            var (generation, checkpoint) = TryOpenActive() ?? (CreateEmpty(), null);
            current = generation;
            DeleteStale(generation.Name);
            LogOpened(generation.Path, DocumentCount, checkpoint?.SyncedThroughMs);
            return checkpoint;
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public Task UpsertAsync(IReadOnlyCollection<ProductSearchDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        cancellationToken.ThrowIfCancellationRequested();
        Write(generation => generation.Replace(documents));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (productIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var terms = productIds.Where(id => !string.IsNullOrEmpty(id)).Select(id => new Term(ProductFields.Id, id)).ToArray();
        Write(generation => generation.Writer.DeleteDocuments(terms));
        return Task.CompletedTask;
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(generation => generation.Searchers.MaybeRefreshBlocking());
        return Task.CompletedTask;
    }

    public Task CompactAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(generation =>
        {
            // Each segment costs every search its own term lookups, postings and filter sets; a bulk import leaves
            // about ten. The merge runs on the live writer, so writes and searches go on while it does; a swap waits
            // for it (this operation holds the generation).
            var segments = generation.Read(searcher => searcher.IndexReader.Leaves.Count);
            if (segments <= 1)
            {
                return;
            }

            var started = time.GetTimestamp();
            generation.Writer.ForceMerge(1);
            generation.Searchers.MaybeRefreshBlocking();
            LogCompacted(generation.Path, segments, (long)time.GetElapsedTime(started).TotalMilliseconds);
        });
        return Task.CompletedTask;
    }

    public async Task CommitAsync(SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);

        // Under the lifecycle gate: the commit data and the commit it labels must not interleave with another commit or a swap.
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Write(generation =>
            {
                generation.Writer.SetCommitData(IndexCommitData.For(checkpoint));
                generation.Writer.Commit();
                generation.Searchers.MaybeRefreshBlocking();
            });
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public async Task<ISearchIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (current is null)
            {
                throw new InvalidOperationException("Open the search index before rebuilding it.");
            }

            if (rebuild is not null)
            {
                throw new InvalidOperationException("A search index rebuild is already running.");
            }

            var generation = OpenGeneration(layout.NewName(), OpenMode.CREATE);
            rebuild = new LuceneSearchIndexRebuild(this, generation, time.GetTimestamp());
            LogRebuildStarted(generation.Path);
            return rebuild;
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxFacetValues, 1, nameof(query));

        var after = string.IsNullOrEmpty(query.Cursor) ? null : SearchCursor.Decode(query.Cursor, query.Sort);
        var languages = SearchLanguage.For(query.Language);
        var words = QueryText.Words(analyzer, query.Text, languages);
        var facets = query.IncludeFacets ? new FacetCountingCollector(columns, query.PriceBucketBounds ?? []) : null;

        // One more than the page: whether it exists decides if there is a next page, without a second search.
        var top = TopFieldCollector.Create(sorts.For(query.Sort), query.PageSize + 1, after, fillFields: true, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);

        return Task.FromResult(Read(searcher =>
        {
            // Built against this searcher: whether a word looks misspelled depends on what the index holds.
            var matches = ProductFilter.Apply(ProductTextQuery.Build(words, languages, searcher.IndexReader), query, columns);
            searcher.Search(matches, facets is null ? top : MultiCollector.Wrap(top, facets));
            var docs = top.GetTopDocs().ScoreDocs;
            var count = Math.Min(docs.Length, query.PageSize);
            var hits = ProductHits.Read(searcher.IndexReader, docs, count);
            var next = docs.Length > query.PageSize ? SearchCursor.Encode(query.Sort, (FieldDoc)docs[count - 1]) : null;
            return new ProductSearchResult(hits, top.TotalHits, next, facets?.ToFacets(query.MaxFacetValues) ?? []);
        }));
    }

    public Task<IReadOnlyList<ProductNameSuggestion>> SuggestAsync(string prefix, string? language, int maxSuggestions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSuggestions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSuggestions, MaxSuggestions);

        var words = QueryText.Fold(analyzer, prefix);
        if (words.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ProductNameSuggestion>>([]);
        }

        var languages = SearchLanguage.For(language);
        var query = SuggestionQuery.Build(words, languages);
        return Task.FromResult<IReadOnlyList<ProductNameSuggestion>>(Read(searcher =>
        {
            var hits = searcher.Search(query, null, maxSuggestions, sorts.Suggestions).ScoreDocs;
            var leaves = searcher.IndexReader.Leaves;
            var scratch = new BytesRef();
            var suggestions = new List<ProductNameSuggestion>(hits.Length);
            foreach (var hit in hits)
            {
                var summary = ProductHits.Read(leaves, hit.Doc, scratch);
                suggestions.Add(new ProductNameSuggestion(SuggestedName(summary, words, language), summary.ProductId, summary.Slug));
            }

            return suggestions;
        }));
    }

    public Task<IReadOnlyDictionary<string, long>> CountByAsync(SearchCountDimension dimension, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var collector = new DimensionCountingCollector(dimension);
        return Task.FromResult(Read(searcher =>
        {
            searcher.Search(new MatchAllDocsQuery(), collector);
            return collector.ToCounts();
        }));
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        IndexGeneration? last;
        LuceneSearchIndexRebuild? running;
        await lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            last = current;
            running = rebuild;
            current = null;
            rebuild = null;
        }
        finally
        {
            lifecycle.Release();
        }

        if (running is not null)
        {
            Discard(running.Generation);
        }

        if (last is not null)
        {
            await last.RetireAsync().ConfigureAwait(false);
            last.Close(keepChanges: true);
        }

        analyzer.Dispose();
    }

    internal async Task CompleteRebuildAsync(LuceneSearchIndexRebuild completing, SearchIndexCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var next = completing.Generation;
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureRunning(completing);
        }
        finally
        {
            lifecycle.Release();
        }

        // Outside the gate, so commits of the live index go on meanwhile: nothing else touches the new index yet. One
        // segment searches fastest (one term lookup and postings list per word instead of one per segment); for a
        // catalog-sized index the merge takes seconds, and searches meanwhile still use the old index.
        next.Writer.ForceMerge(1);
        next.Writer.SetCommitData(IndexCommitData.For(checkpoint));
        next.Writer.Commit();

        IndexGeneration previous;
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureRunning(completing);
            next.OpenSearchers(searcherFactory);

            // The pointer switches only now that the new index is durable: a crash before this line reopens the old one.
            layout.WriteActive(next.Name);
            previous = current!;
            current = next;
            rebuild = null;
        }
        finally
        {
            lifecycle.Release();
        }

        LogRebuildCompleted(next.Path, DocumentCount, (long)time.GetElapsedTime(completing.StartTimestamp).TotalMilliseconds);

        // Searches that began on the old index finish there; changes written to it meanwhile are re-synced by the caller.
        await previous.RetireAsync().ConfigureAwait(false);
        Discard(previous);
    }

    internal async ValueTask DiscardRebuildAsync(LuceneSearchIndexRebuild discarding)
    {
        await lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(rebuild, discarding))
            {
                return;
            }

            rebuild = null;
        }
        finally
        {
            lifecycle.Release();
        }

        Discard(discarding.Generation);
        LogRebuildDiscarded(discarding.Generation.Path);
    }

    private void EnsureRunning(LuceneSearchIndexRebuild completing)
    {
        if (!ReferenceEquals(rebuild, completing) || current is null)
        {
            throw new InvalidOperationException("This rebuild is no longer running: it was completed or discarded, or the index was disposed.");
        }
    }

    /// <summary>Runs a read on the current index's current searcher.</summary>
    private T Read<T>(Func<IndexSearcher, T> read)
    {
        var generation = Enter();
        try
        {
            return generation.Read(read);
        }
        finally
        {
            generation.Exit();
        }
    }

    /// <summary>Runs a write on the current index (during a rebuild: the one still serving, as the contract wants).</summary>
    private void Write(Action<IndexGeneration> write)
    {
        var generation = Enter();
        try
        {
            write(generation);
        }
        finally
        {
            generation.Exit();
        }
    }

    /// <summary>Takes a reference on the current index for one operation; a swap in between is retried on its successor.</summary>
    private IndexGeneration Enter()
    {
        while (true)
        {
            var generation = current;
            if (generation is null)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                throw new InvalidOperationException("Open the search index first.");
            }

            if (generation.TryEnter())
            {
                return generation;
            }
        }
    }

    private (IndexGeneration Generation, SearchIndexCheckpoint? Checkpoint)? TryOpenActive()
    {
        var name = layout.ReadActive();
        if (name is null)
        {
            return null;
        }

        var path = layout.PathOf(name);
        IndexGeneration? generation = null;
        try
        {
            SearchIndexCheckpoint? checkpoint;
            using (var probe = new IndexFolderDirectory(path))
            {
                if (!DirectoryReader.IndexExists(probe))
                {
                    LogIndexMissing(path);
                    return null;
                }

                var commit = new SegmentInfos();
                commit.Read(probe);
                if (!IndexCommitData.HasCurrentSchema(commit.UserData))
                {
                    LogSchemaMismatch(path, IndexCommitData.SchemaOf(commit.UserData), IndexCommitData.Schema);
                    return null;
                }

                checkpoint = IndexCommitData.CheckpointOf(commit.UserData);
            }

            generation = OpenGeneration(name, OpenMode.APPEND);
            generation.OpenSearchers(searcherFactory);
            return (generation, checkpoint);
        }
        catch (IOException exception) when (exception is not LockObtainFailedException)
        {
            // Corrupt or half-written: the store is the source of truth, so start empty and let the caller rebuild.
            // A lock held by another process is not corruption and must not cost that process its index.
            LogIndexUnreadable(exception, path);
            if (generation is not null)
            {
                TryClose(generation);
            }

            return null;
        }
    }

    private IndexGeneration CreateEmpty()
    {
        var generation = OpenGeneration(layout.NewName(), OpenMode.CREATE);
        generation.Writer.SetCommitData(IndexCommitData.For(checkpoint: null));
        generation.Writer.Commit();
        generation.OpenSearchers(searcherFactory);
        layout.WriteActive(generation.Name);
        LogIndexCreated(generation.Path);
        return generation;
    }

    private IndexGeneration OpenGeneration(string name, OpenMode mode)
    {
        var path = layout.PathOf(name);
        var directory = new IndexFolderDirectory(path);
        try
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
            {
                OpenMode = mode,
                RAMBufferSizeMB = options.RamBufferSizeMb,
                Similarity = similarity,
            };
            return new IndexGeneration(name, path, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Closes an index that is no longer wanted, without committing, and deletes its folder.</summary>
    private void Discard(IndexGeneration generation)
    {
        TryClose(generation);
        TryDelete(generation.Path);
    }

    private void TryClose(IndexGeneration generation)
    {
        try
        {
            generation.Close(keepChanges: false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            LogCloseFailed(exception, generation.Path);
        }
    }

    private void DeleteStale(string activeName)
    {
        foreach (var name in layout.StaleNames(activeName))
        {
            TryDelete(layout.PathOf(name));
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next start, which deletes every folder the pointer does not name.
            LogDeleteFailed(exception, path);
        }
    }

    private string SuggestedName(ProductSummary summary, IReadOnlyList<string> words, string? language)
    {
        var names = summary.Name?.Values;
        if (names is null)
        {
            return string.Empty;
        }

        if (language is null)
        {
            // Without a language, show the name in the language that matched, preferring the market's default.
            foreach (var code in SearchLanguage.All.Select(candidate => candidate.Code).OrderBy(code => code == defaultLanguage ? 0 : 1))
            {
                if (names.TryGetValue(code, out var name) && SuggestionQuery.Matches(QueryText.Fold(analyzer, name), words))
                {
                    return name;
                }
            }
        }

        return LocalizedTextChoice.Choose(names, language, defaultLanguage) ?? string.Empty;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Search index {Path} open with {DocumentCount} products, synced through {SyncedThroughMs}")]
    private partial void LogOpened(string path, long documentCount, long? syncedThroughMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created an empty search index at {Path}")]
    private partial void LogIndexCreated(string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The active search index {Path} holds no commit; starting empty")]
    private partial void LogIndexMissing(string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The search index {Path} has schema {FoundSchema}, this version writes {ExpectedSchema}; starting empty")]
    private partial void LogSchemaMismatch(string path, string? foundSchema, string expectedSchema);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The search index {Path} cannot be read; starting empty")]
    private partial void LogIndexUnreadable(Exception exception, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Search index rebuild started in {Path}")]
    private partial void LogRebuildStarted(string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Search index rebuild in {Path} swapped in with {DocumentCount} products after {ElapsedMs} ms")]
    private partial void LogRebuildCompleted(string path, long documentCount, long elapsedMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Search index rebuild in {Path} discarded")]
    private partial void LogRebuildDiscarded(string path);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Could not delete the search index folder {Path}")]
    private partial void LogDeleteFailed(Exception exception, string path);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not close the search index {Path}")]
    private partial void LogCloseFailed(Exception exception, string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Search index {Path} compacted from {SegmentCount} segments to one in {ElapsedMs} ms")]
    private partial void LogCompacted(string path, int segmentCount, long elapsedMs);
}
