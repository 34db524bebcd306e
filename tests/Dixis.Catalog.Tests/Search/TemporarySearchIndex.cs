using Dixis.Catalog.Model;
using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Tests.Search;

/// <summary>A real Lucene index in its own temporary folder, deleted with it; <see cref="ReopenAsync"/> simulates a restart.</summary>
public sealed class TemporarySearchIndex : IAsyncDisposable
{
    private TemporarySearchIndex(string root, LuceneProductSearchIndex index, SearchIndexCheckpoint? openedCheckpoint)
    {
        Root = root;
        Index = index;
        OpenedCheckpoint = openedCheckpoint;
    }

    public string Root { get; }

    public LuceneProductSearchIndex Index { get; private set; }

    /// <summary>What the last <c>OpenAsync</c> returned.</summary>
    public SearchIndexCheckpoint? OpenedCheckpoint { get; private set; }

    /// <summary>The index sub-folders present now.</summary>
    public IReadOnlyList<string> IndexFolders => Directory.GetDirectories(Root, "index-*").Select(Path.GetFileName).ToList()!;

    /// <summary>The sub-folder the pointer file names.</summary>
    public string ActiveFolder => File.ReadAllText(Path.Combine(Root, IndexDirectoryLayout.PointerFileName)).Trim();

    public static async Task<TemporarySearchIndex> OpenAsync(IReadOnlyCollection<ProductSearchDocument>? documents = null, string? root = null)
    {
        root ??= Path.Combine(Path.GetTempPath(), "dixis-search-" + Guid.NewGuid().ToString("N"));
        var index = Create(root);
        var checkpoint = await index.OpenAsync(TestContext.Current.CancellationToken);
        var temporary = new TemporarySearchIndex(root, index, checkpoint);
        if (documents is { Count: > 0 })
        {
            await index.UpsertAsync(documents, TestContext.Current.CancellationToken);
            await index.RefreshAsync(TestContext.Current.CancellationToken);
        }

        return temporary;
    }

    /// <summary>Disposes the index and opens a new instance on the same folder, as a restarted service would.</summary>
    public async Task ReopenAsync()
    {
        await Index.DisposeAsync();
        Index = Create(Root);
        OpenedCheckpoint = await Index.OpenAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Closes the index without opening it again (to tamper with the files in between).</summary>
    public Task CloseAsync() => Index.DisposeAsync().AsTask();

    /// <summary>Opens a new instance after <see cref="CloseAsync"/>.</summary>
    public async Task OpenAgainAsync()
    {
        Index = Create(Root);
        OpenedCheckpoint = await Index.OpenAsync(TestContext.Current.CancellationToken);
    }

    public async Task<ProductSearchResult> SearchAsync(ProductSearchQuery query) =>
        await Index.SearchAsync(query, TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<string>> IdsAsync(ProductSearchQuery query) =>
        (await SearchAsync(query with { PageSize = 100 })).Hits.Select(hit => hit.ProductId).ToList();

    public Task<IReadOnlyList<string>> IdsAsync(string text, string? language = null) =>
        IdsAsync(new ProductSearchQuery { Text = text, Language = language });

    /// <summary>Every hit of <paramref name="query"/>, page by page through the cursors.</summary>
    public async Task<IReadOnlyList<string>> PageThroughAsync(ProductSearchQuery query)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(query with { Cursor = cursor });
            Assert.True(page.Hits.Count <= query.PageSize);
            ids.AddRange(page.Hits.Select(hit => hit.ProductId));
            cursor = page.NextCursor;
            Assert.True(ids.Count <= page.TotalCount, "paging returned more hits than the total");
        }
        while (cursor is not null);

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static LuceneProductSearchIndex Create(string root) => new(
        Options.Create(new LuceneSearchOptions { IndexDirectory = root, RamBufferSizeMb = 16 }),
        Options.Create(new CatalogOptions()),
        TimeProvider.System,
        NullLogger<LuceneProductSearchIndex>.Instance);
}
