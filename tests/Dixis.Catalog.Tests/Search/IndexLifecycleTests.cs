using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using static Dixis.Catalog.Tests.Search.SampleCatalog;

namespace Dixis.Catalog.Tests.Search;

public sealed class IndexLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_become_visible_on_refresh()
    {
        await using var index = await TemporarySearchIndex.OpenAsync();

        await index.Index.UpsertAsync([EpirusFeta], Cancel);
        Assert.Empty(await index.IdsAsync("feta"));
        await index.Index.RefreshAsync(Cancel);
        Assert.Equal(["p-feta"], await index.IdsAsync("feta"));

        await index.Index.DeleteAsync([EpirusFeta.ProductId], Cancel);
        Assert.Equal(["p-feta"], await index.IdsAsync("feta"));
        await index.Index.RefreshAsync(Cancel);
        Assert.Empty(await index.IdsAsync("feta"));
        Assert.Equal(0, index.Index.DocumentCount);
    }

    [Fact]
    public async Task An_upsert_replaces_the_product_with_the_same_id()
    {
        await using var index = await TemporarySearchIndex.OpenAsync([EpirusFeta]);

        var renamed = EpirusFeta with { Name = new Dictionary<string, string> { ["el"] = "Τελεμές", ["en"] = "Telemes" } };
        await index.Index.UpsertAsync([renamed, renamed], Cancel);
        await index.Index.RefreshAsync(Cancel);

        Assert.Equal(1, index.Index.DocumentCount);
        Assert.Equal(["p-feta"], await index.IdsAsync("telemes"));
        Assert.Empty(await index.IdsAsync("φέτα"));
    }

    [Fact]
    public async Task A_product_given_twice_in_one_batch_is_indexed_as_its_last_version_even_in_another_category()
    {
        await using var index = await TemporarySearchIndex.OpenAsync();

        // The batch is written grouped by category, where the cheese version sorts before the honey one; it came last.
        var moved = EpirusFeta with { CategoryId = Honey.Id, CategoryPath = [.. Honey.Path().Select(node => node.Id)] };
        await index.Index.UpsertAsync([moved, EpirusFeta], Cancel);
        await index.Index.RefreshAsync(Cancel);

        Assert.Equal(1, index.Index.DocumentCount);
        Assert.Equal(["p-feta"], await index.IdsAsync(new ProductSearchQuery { Text = "feta", CategoryId = Cheese.Id }));
        Assert.Empty(await index.IdsAsync(new ProductSearchQuery { Text = "feta", CategoryId = Honey.Id }));
    }

    [Fact]
    public async Task A_bad_document_leaves_its_whole_batch_unwritten()
    {
        await using var index = await TemporarySearchIndex.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => index.Index.UpsertAsync([ThymeHoney, ThymeHoney with { ProductId = "" }], Cancel));
        await index.Index.RefreshAsync(Cancel);

        Assert.Equal(0, index.Index.DocumentCount);
    }

    [Fact]
    public async Task A_new_index_has_no_checkpoint_and_a_commit_survives_a_restart()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        Assert.Null(index.OpenedCheckpoint);

        await index.Index.CommitAsync(new SearchIndexCheckpoint(1_741_000_000_123), Cancel);
        await index.ReopenAsync();

        Assert.Equal(new SearchIndexCheckpoint(1_741_000_000_123), index.OpenedCheckpoint);
        Assert.Equal(All.Count, index.Index.DocumentCount);
        Assert.Equal(["p-feta"], await index.IdsAsync("feta"));
        Assert.Equal("lucene", index.Index.Engine);
    }

    [Fact]
    public async Task Compacting_merges_the_segments_into_one_keeps_every_product_and_survives_a_restart()
    {
        await using var index = await TemporarySearchIndex.OpenAsync();
        foreach (var batch in All.Chunk(3))
        {
            // Each refresh writes what came before it as its own segment, as the synchronizer's pages do.
            await index.Index.UpsertAsync(batch, Cancel);
            await index.Index.RefreshAsync(Cancel);
        }

        var before = await index.IdsAsync(new ProductSearchQuery());
        Assert.True(index.Index.SegmentCount > 1, $"expected several segments, found {index.Index.SegmentCount}");

        await index.Index.CompactAsync(Cancel);

        Assert.Equal(1, index.Index.SegmentCount);
        Assert.Equal(before, await index.IdsAsync(new ProductSearchQuery()));
        Assert.Equal(["p-feta"], await index.IdsAsync("feta"));
        await index.Index.CommitAsync(new SearchIndexCheckpoint(7), Cancel);
        await index.ReopenAsync();
        Assert.Equal(1, index.Index.SegmentCount);
        Assert.Equal(All.Count, index.Index.DocumentCount);
        Assert.Equal(7, index.OpenedCheckpoint?.SyncedThroughMs);
    }

    [Fact]
    public async Task An_index_of_another_schema_version_is_not_reused()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        await index.Index.CommitAsync(new SearchIndexCheckpoint(42), Cancel);
        var written = index.ActiveFolder;
        await index.CloseAsync();

        // What an older release would have left: the same data under another schema.
        using (var directory = FSDirectory.Open(Path.Combine(index.Root, written)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer: null) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(new Dictionary<string, string> { [IndexCommitData.SchemaKey] = "0:el,en", [IndexCommitData.CheckpointKey] = "42" });
            writer.Commit();
        }

        await index.OpenAgainAsync();

        Assert.Null(index.OpenedCheckpoint);
        Assert.Equal(0, index.Index.DocumentCount);
        Assert.NotEqual(written, index.ActiveFolder);
        Assert.Equal([index.ActiveFolder], index.IndexFolders);
    }

    [Fact]
    public async Task A_corrupt_index_opens_empty_and_stays_usable()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        await index.Index.CommitAsync(new SearchIndexCheckpoint(42), Cancel);
        var folder = Path.Combine(index.Root, index.ActiveFolder);
        await index.CloseAsync();
        foreach (var segments in System.IO.Directory.GetFiles(folder, "segments_*"))
        {
            await File.WriteAllTextAsync(segments, "not a Lucene commit", Cancel);
        }

        await index.OpenAgainAsync();
        await index.Index.UpsertAsync([EpirusFeta], Cancel);
        await index.Index.RefreshAsync(Cancel);

        Assert.Null(index.OpenedCheckpoint);
        Assert.Equal(["p-feta"], await index.IdsAsync(string.Empty));
    }

    [Fact]
    public async Task A_missing_folder_opens_empty()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        await index.Index.CommitAsync(new SearchIndexCheckpoint(42), Cancel);
        await index.CloseAsync();
        System.IO.Directory.Delete(Path.Combine(index.Root, index.ActiveFolder), recursive: true);

        await index.OpenAgainAsync();

        Assert.Null(index.OpenedCheckpoint);
        Assert.Equal(0, index.Index.DocumentCount);
    }

    [Fact]
    public async Task A_rebuild_serves_the_old_index_until_it_completes_then_swaps()
    {
        await using var index = await TemporarySearchIndex.OpenAsync([EpirusFeta, ThymeHoney]);
        await index.Index.CommitAsync(new SearchIndexCheckpoint(100), Cancel);
        var oldFolder = index.ActiveFolder;

        await using (var rebuild = await index.Index.BeginRebuildAsync(Cancel))
        {
            await rebuild.AddAsync([Assyrtiko, RoseWine], Cancel);
            await rebuild.AddAsync([KalamataOlives], Cancel);

            Assert.Equal(["p-feta"], await index.IdsAsync("feta"));
            Assert.Empty(await index.IdsAsync("wine"));
            Assert.Equal(2, index.Index.DocumentCount);
            Assert.Equal(2, index.IndexFolders.Count);

            await rebuild.CompleteAsync(new SearchIndexCheckpoint(200), Cancel);
        }

        Assert.Empty(await index.IdsAsync("feta"));
        Assert.Equal(["p-wine-assyrtiko", "p-wine-rose"], (await index.IdsAsync("wine")).Order(StringComparer.Ordinal));
        Assert.Equal(3, index.Index.DocumentCount);
        Assert.NotEqual(oldFolder, index.ActiveFolder);
        Assert.Equal([index.ActiveFolder], index.IndexFolders);

        await index.ReopenAsync();
        Assert.Equal(new SearchIndexCheckpoint(200), index.OpenedCheckpoint);
        Assert.Equal(3, index.Index.DocumentCount);
    }

    [Fact]
    public async Task Writes_during_a_rebuild_go_to_the_current_index_and_continue_on_the_new_one()
    {
        await using var index = await TemporarySearchIndex.OpenAsync([EpirusFeta]);
        await using var rebuild = await index.Index.BeginRebuildAsync(Cancel);
        await rebuild.AddAsync([EpirusFeta], Cancel);

        await index.Index.UpsertAsync([ThymeHoney], Cancel);
        await index.Index.RefreshAsync(Cancel);
        Assert.Equal(["p-honey-thyme"], await index.IdsAsync("honey"));

        await rebuild.CompleteAsync(new SearchIndexCheckpoint(300), Cancel);

        // The caller re-syncs what changed after the rebuild's checkpoint; until then the new index lacks it.
        Assert.Empty(await index.IdsAsync("honey"));
        await index.Index.UpsertAsync([ThymeHoney], Cancel);
        await index.Index.RefreshAsync(Cancel);
        Assert.Equal(["p-honey-thyme"], await index.IdsAsync("honey"));
    }

    [Fact]
    public async Task A_rebuild_disposed_without_completing_is_discarded()
    {
        await using var index = await TemporarySearchIndex.OpenAsync([EpirusFeta]);
        var folder = index.ActiveFolder;

        await using (var rebuild = await index.Index.BeginRebuildAsync(Cancel))
        {
            await rebuild.AddAsync([Assyrtiko], Cancel);
            await Assert.ThrowsAsync<InvalidOperationException>(() => index.Index.BeginRebuildAsync(Cancel));
        }

        Assert.Equal([folder], index.IndexFolders);
        Assert.Equal(folder, index.ActiveFolder);
        Assert.Equal(["p-feta"], await index.IdsAsync(string.Empty));

        await using var second = await index.Index.BeginRebuildAsync(Cancel);
        await second.CompleteAsync(new SearchIndexCheckpoint(1), Cancel);
        Assert.Equal(0, index.Index.DocumentCount);
    }

    [Fact]
    public async Task After_a_crash_mid_rebuild_the_previous_index_opens_and_the_leftover_is_removed()
    {
        await using var index = await TemporarySearchIndex.OpenAsync([EpirusFeta]);
        await index.Index.CommitAsync(new SearchIndexCheckpoint(500), Cancel);
        var active = index.ActiveFolder;
        await index.CloseAsync();

        // A crash after the new index was committed but before the pointer moved, and during the pointer's own write.
        var leftover = "index-" + Guid.CreateVersion7().ToString("N");
        using (var directory = FSDirectory.Open(Path.Combine(index.Root, leftover)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer: null)))
        {
            writer.Commit();
        }

        await File.WriteAllTextAsync(Path.Combine(index.Root, IndexDirectoryLayout.PointerFileName + ".tmp"), leftover[..10], Cancel);

        await index.OpenAgainAsync();

        Assert.Equal(new SearchIndexCheckpoint(500), index.OpenedCheckpoint);
        Assert.Equal(active, index.ActiveFolder);
        Assert.Equal([active], index.IndexFolders);
        Assert.Equal(["p-feta"], await index.IdsAsync("feta"));
    }

    [Fact]
    public async Task Searches_and_writes_run_concurrently_through_a_rebuild_swap()
    {
        await using var index = await TemporarySearchIndex.OpenAsync(All);
        using var stop = new CancellationTokenSource();
        var searches = 0;

        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
        {
            var texts = new[] { "feta", "ελαιόλαδο", "honey", string.Empty };
            while (!stop.IsCancellationRequested)
            {
                var result = await index.Index.SearchAsync(new ProductSearchQuery { Text = texts[reader], IncludeFacets = true, PageSize = 5 }, Cancel);
                Assert.True(result.TotalCount >= 0);
                Interlocked.Increment(ref searches);
            }
        }, Cancel)).ToList();
        var writer = Task.Run(
            async () =>
            {
                for (var round = 0; round < 50; round++)
                {
                    await index.Index.UpsertAsync([ThymeHoney with { ProductId = "p-extra-" + round }], Cancel);
                    await index.Index.RefreshAsync(Cancel);
                }
            },
            Cancel);

        for (var round = 0; round < 3; round++)
        {
            await using var rebuild = await index.Index.BeginRebuildAsync(Cancel);
            await rebuild.AddAsync(All, Cancel);
            await rebuild.CompleteAsync(new SearchIndexCheckpoint(round), Cancel);
        }

        await writer;
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(searches > 0);
        Assert.Equal([index.ActiveFolder], index.IndexFolders);
        Assert.True(index.Index.DocumentCount >= All.Count);
    }

    [Fact]
    public async Task A_disposed_index_refuses_work_and_disposing_twice_is_harmless()
    {
        var index = await TemporarySearchIndex.OpenAsync([EpirusFeta]);
        await index.CloseAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.Index.SearchAsync(new ProductSearchQuery(), Cancel));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.Index.UpsertAsync([EpirusFeta], Cancel));
        Assert.Equal(0, index.Index.DocumentCount);
        await index.DisposeAsync();
    }

    [Fact]
    public async Task Opening_an_open_index_again_is_refused()
    {
        await using var index = await TemporarySearchIndex.OpenAsync();
        await index.CloseAsync();
        await index.OpenAgainAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => index.Index.OpenAsync(Cancel));
    }
}
