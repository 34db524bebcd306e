using Dixis.Catalog.Caching;
using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Producers;
using Dixis.Catalog.Repositories;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Search.Sync;

/// <summary>
/// Keeps the search index equal to the store. The store is the source of truth and every catalog change is
/// stamped (<c>updateTimeMs</c> on products, stock and producers): the synchronizer re-reads what changed since
/// the newest stamp it has seen — at once when this replica wrote (<see cref="SearchIndexSignal"/>), and every
/// <see cref="SearchOptions.SyncInterval"/> with a look-back of <see cref="SearchOptions.SyncOverlap"/> for writes
/// of other replicas and transactions that committed late. The look-back starts <see cref="SearchOptions.SyncOverlap"/>
/// before the previous look-back pass began: a change that pass could not see committed after it began, and its
/// transaction (shorter than the overlap) stamped it at most that long before. One mechanism thus covers local writes, other
/// replicas, a crash between a write and its indexing, and a restart with an index behind the store.
/// A missing or incompatible index is rebuilt at start, in the background: readiness waits for it, the service
/// does not.
/// </summary>
public sealed partial class SearchIndexSynchronizer(
    IProductSearchIndex index,
    SearchIndexStatus status,
    SearchIndexSignal signal,
    ProductRepository products,
    StockRepository stock,
    ProducerDirectory producers,
    CategoryDirectory categories,
    CatalogCache cache,
    ProductCounts counts,
    IOptions<SearchOptions> options,
    TimeProvider timeProvider,
    ILogger<SearchIndexSynchronizer> logger) : BackgroundService
{
    private const int PageSize = 1_000;
    private readonly SemaphoreSlim indexing = new(1, 1);
    private readonly Dictionary<string, (string Fingerprint, long SeenMs)> recentlyIndexed = new(StringComparer.Ordinal);
    private Dictionary<string, string> categorySignatures = new(StringComparer.Ordinal);
    private long watermarkMs;
    private long lookBackFromMs;
    private bool uncommitted;
    private long changesSinceCompaction;
    private int rebuildRunning;
    private Task rebuilding = Task.CompletedTask;
    private CancellationToken stopping;

    /// <summary>Starts a full rebuild unless one runs; returns whether it started and how many products it covers.</summary>
    public async Task<(bool Started, long ProductCount)> RequestRebuildAsync(CancellationToken cancellationToken)
    {
        var total = await products.Products.CountAsync(null, cancellationToken);
        if (Interlocked.CompareExchange(ref rebuildRunning, 1, 0) != 0)
        {
            return (false, total);
        }

        rebuilding = Task.Run(() => RebuildAsync(total, initial: !status.IsComplete, stopping), CancellationToken.None);
        return (true, total);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        var checkpoint = await OpenAsync(stoppingToken);
        if (checkpoint is null)
        {
            // Passes during the build read only what changes from now on; the build itself reads the rest.
            watermarkMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            lookBackFromMs = watermarkMs - (long)options.Value.SyncOverlap.TotalMilliseconds;
            await RequestRebuildAsync(stoppingToken);
        }
        else
        {
            watermarkMs = checkpoint.SyncedThroughMs;
            lookBackFromMs = checkpoint.SyncedThroughMs;
            status.Opened();
            status.Synced(watermarkMs);
        }

        var lastCommit = timeProvider.GetUtcNow();
        var nextLookBack = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool signalled;
            try
            {
                signalled = await signal.WaitAsync(options.Value.SyncInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var now = timeProvider.GetUtcNow();
            var lookBack = !signalled || now >= nextLookBack;
            try
            {
                var changesBefore = changesSinceCompaction;
                await SyncAsync(lookBack, stoppingToken);
                if (changesSinceCompaction == changesBefore && changesSinceCompaction >= options.Value.CompactAfterChanges
                    && Volatile.Read(ref rebuildRunning) == 0)
                {
                    // A pass with nothing to index after a burst of writes: the moment to compact, and commit at once.
                    await CompactAsync(stoppingToken);
                    lastCommit = now;
                }
                else if (uncommitted && now - lastCommit >= options.Value.CommitInterval)
                {
                    await CommitAsync(stoppingToken);
                    lastCommit = now;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The store or the index may be briefly unavailable; the next pass re-reads from the same watermark.
                LogSyncFailed(logger, failure);
            }

            if (lookBack)
            {
                nextLookBack = now + options.Value.SyncInterval;
            }
        }

        // A rebuild observes the same stopping token; it must end before the index and this service are disposed.
        try
        {
            await rebuilding;
        }
        catch (OperationCanceledException)
        {
            // The rebuild stopped with the service; the previous index stays.
        }

        if (uncommitted)
        {
            await CommitAsync(CancellationToken.None);
        }
    }

    private async Task<SearchIndexCheckpoint?> OpenAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await index.OpenAsync(cancellationToken);
        LogOpened(logger, index.Engine, index.DocumentCount, checkpoint is null ? "missing or incompatible: rebuilding from the store" : "current");
        return checkpoint;
    }

    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        await indexing.WaitAsync(cancellationToken);
        try
        {
            await index.CompactAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Compaction only makes searches cheaper. A failing one (a full disk, say) must neither run again on every
            // quiet pass nor keep what is indexed from being committed: it is tried again after the next burst of writes.
            LogCompactionFailed(logger, changesSinceCompaction, failure);
        }
        finally
        {
            changesSinceCompaction = 0;
            indexing.Release();
        }

        await CommitAsync(cancellationToken);
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        await indexing.WaitAsync(cancellationToken);
        try
        {
            // Everything stamped before the look-back start is indexed: that is what a restart may skip.
            await index.CommitAsync(new SearchIndexCheckpoint(lookBackFromMs), cancellationToken);
            uncommitted = false;
        }
        finally
        {
            indexing.Release();
        }
    }

    /// <summary>
    /// One pass: every product whose document may have changed since the newest stamp seen, or, with
    /// <paramref name="lookBack"/>, since the look-back start (which then moves up to just before this pass).
    /// </summary>
    private async Task SyncAsync(bool lookBack, CancellationToken cancellationToken)
    {
        await indexing.WaitAsync(cancellationToken);
        try
        {
            var passStartMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var since = lookBack ? lookBackFromMs : watermarkMs;
            var newest = watermarkMs;
            // A pass may face a long backlog (an import of 100,000 products): changed products are indexed a page
            // at a time, so memory holds one page of products and documents, not the backlog. The watermark moves
            // only when the whole pass is done, so a pass that fails part-way is repeated from the same point.
            var categoryIndex = await categories.GetIndexAsync(cancellationToken);
            var changed = new Dictionary<string, Document<ProductRecord>>(StringComparer.Ordinal);
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            var affected = new HashSet<string>(StringComparer.Ordinal);

            async Task FlushAsync(int atLeast)
            {
                if (changed.Count >= atLeast && changed.Count > 0)
                {
                    await ApplyAsync(changed.Values, categoryIndex, cancellationToken);
                    indexed.UnionWith(changed.Keys);
                    changed.Clear();
                }
            }

            await foreach (var product in ChangedSinceAsync(products.Products, since, cancellationToken))
            {
                changed[product.Id] = product;
                newest = Math.Max(newest, product.Value.UpdateTimeMs);
                await FlushAsync(PageSize);
            }

            await foreach (var level in ChangedSinceAsync(stock.Stock, since, cancellationToken))
            {
                affected.Add(level.Value.ProductId);
                newest = Math.Max(newest, level.Value.UpdateTimeMs);
            }

            await foreach (var producer in ChangedSinceAsync(producers.Producers, since, cancellationToken))
            {
                newest = Math.Max(newest, producer.Value.UpdateTimeMs);
                foreach (var product in await products.Products.ListAllAsync(Filter.Eq("producerId", producer.Id), cancellationToken, PageSize))
                {
                    changed[product.Id] = product;
                    await FlushAsync(PageSize);
                }
            }

            foreach (var chunk in ChangedCategories(categoryIndex).Chunk(500))
            {
                foreach (var product in await products.Products.ListAllAsync(Filter.In("categoryId", chunk), cancellationToken, PageSize))
                {
                    changed[product.Id] = product;
                    await FlushAsync(PageSize);
                }
            }

            affected.ExceptWith(changed.Keys);
            affected.ExceptWith(indexed);
            foreach (var ids in affected.Chunk(PageSize))
            {
                foreach (var product in await products.Products.GetManyAsync(ids, cancellationToken))
                {
                    changed[product.Id] = product;
                }

                await FlushAsync(PageSize);
            }

            await FlushAsync(atLeast: 1);
            watermarkMs = newest;
            if (lookBack)
            {
                lookBackFromMs = Math.Max(lookBackFromMs, passStartMs - (long)options.Value.SyncOverlap.TotalMilliseconds);
            }

            status.Synced(newest);
            ForgetOlderThan(timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (2 * (long)options.Value.SyncOverlap.TotalMilliseconds) - 1_000);
        }
        finally
        {
            indexing.Release();
        }
    }

    /// <summary>Builds and writes the documents of <paramref name="changed"/>, skipping those whose document is as last indexed.</summary>
    private async Task ApplyAsync(ICollection<Document<ProductRecord>> changed, CategoryIndex categoryIndex, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var upserts = new List<ProductSearchDocument>();
        var deletes = new List<string>();
        foreach (var batch in changed.Chunk(PageSize))
        {
            var available = await stock.AvailableByProductsAsync(batch.Select(p => p.Id), cancellationToken);
            foreach (var product in batch)
            {
                var producer = await producers.GetAsync(product.Value.ProducerId, cancellationToken);
                var document = SearchDocumentBuilder.Build(product, available, producer, categoryIndex);
                var fingerprint = document is null ? "absent" : $"{product.Version}|{document.InStock}|{producer?.Etag}|{string.Join('/', document.CategoryPath)}|{categorySignatures.GetValueOrDefault(product.Value.CategoryId)}";
                if (recentlyIndexed.TryGetValue(product.Id, out var last) && last.Fingerprint == fingerprint)
                {
                    continue;
                }

                recentlyIndexed[product.Id] = (fingerprint, nowMs);
                if (document is null)
                {
                    deletes.Add(product.Id);
                }
                else
                {
                    upserts.Add(document);
                }
            }
        }

        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return;
        }

        if (upserts.Count > 0)
        {
            await index.UpsertAsync(upserts, cancellationToken);
        }

        if (deletes.Count > 0)
        {
            await index.DeleteAsync(deletes, cancellationToken);
        }

        await index.RefreshAsync(cancellationToken);
        uncommitted = true;
        changesSinceCompaction += upserts.Count + deletes.Count;
        await CountsMovedAsync(cancellationToken);
        LogSynced(logger, upserts.Count, deletes.Count);
    }

    /// <summary>Categories whose path or names changed since the last pass (their products' documents carry both).</summary>
    private List<string> ChangedCategories(CategoryIndex categoryIndex)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in categoryIndex.ChildrenOf(null))
        {
            foreach (var id in categoryIndex.SubtreeOf(root))
            {
                var category = categoryIndex.Find(id)!;
                current[id] = $"{string.Join('/', categoryIndex.PathTo(id))}|{string.Join(';', category.Name.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}";
            }
        }

        var first = categorySignatures.Count == 0;
        var changed = current.Where(entry => !categorySignatures.TryGetValue(entry.Key, out var before) || before != entry.Value).Select(entry => entry.Key).ToList();
        categorySignatures = current;

        // On the first pass every category is "new": that is not a change (a rebuild or the watermark covers it).
        return first ? [] : changed;
    }

    private void ForgetOlderThan(long cutoffMs)
    {
        if (recentlyIndexed.Count < 10_000)
        {
            return;
        }

        foreach (var stale in recentlyIndexed.Where(entry => entry.Value.SeenMs < cutoffMs).Select(entry => entry.Key).ToList())
        {
            recentlyIndexed.Remove(stale);
        }
    }

    /// <summary>Builds a complete new index from the store while searches use the current one, then swaps it in.</summary>
    private async Task RebuildAsync(long total, bool initial, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        status.RebuildStarted(started, total, initial);
        LogRebuildStarted(logger, total);
        try
        {
            await using var rebuild = await index.BeginRebuildAsync(cancellationToken);
            var categoryIndex = await categories.GetIndexAsync(cancellationToken);
            long read = 0;
            var nextReport = Math.Max(total / 10, 1);
            string? pageToken = null;
            do
            {
                var page = await products.Products.QueryAsync(new Query { PageSize = PageSize, PageToken = pageToken }, cancellationToken);
                var available = await stock.AvailableByProductsAsync(page.Items.Select(p => p.Id), cancellationToken);
                var documents = new List<ProductSearchDocument>(page.Items.Count);
                foreach (var product in page.Items)
                {
                    if (SearchDocumentBuilder.Build(product, available, await producers.GetAsync(product.Value.ProducerId, cancellationToken), categoryIndex) is { } document)
                    {
                        documents.Add(document);
                    }
                }

                await rebuild.AddAsync(documents, cancellationToken);
                read += page.Items.Count;
                status.RebuildProgressed(read);
                if (read >= nextReport)
                {
                    LogRebuildProgress(logger, read, total, total == 0 ? 100 : read * 100 / total);
                    nextReport += Math.Max(total / 10, 1);
                }

                pageToken = page.NextPageToken;
            }
            while (pageToken is not null);

            var catchUpFromMs = started.ToUnixTimeMilliseconds() - (long)options.Value.SyncOverlap.TotalMilliseconds;
            await indexing.WaitAsync(cancellationToken);
            try
            {
                await rebuild.CompleteAsync(new SearchIndexCheckpoint(catchUpFromMs), cancellationToken);

                // Changes made while the rebuild read the store went to the old index: the next pass re-reads them.
                recentlyIndexed.Clear();
                changesSinceCompaction = 0;
                watermarkMs = Math.Min(watermarkMs == 0 ? catchUpFromMs : watermarkMs, catchUpFromMs);
                lookBackFromMs = Math.Min(lookBackFromMs == 0 ? catchUpFromMs : lookBackFromMs, catchUpFromMs);
            }
            finally
            {
                indexing.Release();
            }

            var duration = timeProvider.GetUtcNow() - started;
            status.RebuildFinished(duration);
            signal.Notify();
            await CountsMovedAsync(cancellationToken);
            LogRebuilt(logger, index.DocumentCount, read, duration.TotalSeconds);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.RebuildFailed(hadCompleteIndex: !initial);
            LogRebuildFailed(logger, failure);
        }
        finally
        {
            Volatile.Write(ref rebuildRunning, 0);
        }
    }

    /// <summary>Product counts (producers, the category tree) come from the index: they may have moved.</summary>
    private async Task CountsMovedAsync(CancellationToken cancellationToken)
    {
        counts.IndexChanged();
        await cache.RemoveLocallyAsync([CacheTags.CategoryTree], cancellationToken);
    }

    private static async IAsyncEnumerable<Document<T>> ChangedSinceAsync<T>(
        IDocumentCollection<T> collection, long sinceMs, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? pageToken = null;
        do
        {
            var page = await collection.QueryAsync(
                new Query { Filter = Filter.Gte("updateTimeMs", sinceMs), Sort = [SortField.Ascending("updateTimeMs")], PageSize = PageSize, PageToken = pageToken },
                cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }

    public override void Dispose()
    {
        indexing.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index ({Engine}) opened with {Count} products: {Condition}")]
    private static partial void LogOpened(ILogger logger, string engine, long count, string condition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index synced: {Upserts} products indexed, {Deletes} removed")]
    private static partial void LogSynced(ILogger logger, int upserts, int deletes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the search index after {Changes} changes failed; searches read more segments until the next compaction, after the next burst of writes")]
    private static partial void LogCompactionFailed(ILogger logger, long changes, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index sync failed; the next pass retries from the same point")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild started: {Total} products in the store")]
    private static partial void LogRebuildStarted(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild: {Read} of {Total} products read ({Percent} %)")]
    private static partial void LogRebuildProgress(ILogger logger, long read, long total, long percent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Searchable} searchable of {Read} products in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, long searchable, long read, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index rebuild failed; searches keep using the previous index")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
