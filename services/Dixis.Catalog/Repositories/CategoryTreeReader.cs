using System.Collections.Concurrent;
using Dixis.Catalog.Model;
using Dixis.Contracts.Catalog.V1;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Repositories;

/// <summary>
/// Serves the category tree from memory for <see cref="CatalogOptions.CategoryTreeCacheDuration"/>.
/// The tree is read on every page view and changes rarely; building it from the store each time would
/// make the store the bottleneck. One caller rebuilds an expired tree while the others wait for it.
/// </summary>
public sealed class CategoryTreeReader(CategoryRepository repository, IOptions<CatalogOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private Snapshot? current;

    /// <summary>The whole tree; with a language, every text narrowed to it (see <see cref="CategoryTreeLocalizer"/>).</summary>
    public async ValueTask<CategoryTree> GetAsync(string? language, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        if (string.IsNullOrEmpty(language))
        {
            return snapshot.Tree;
        }

        // Languages that no text uses all give the default-language tree: the cache stays bounded
        // whatever codes callers send.
        var defaultLanguage = options.Value.DefaultLanguage;
        var key = snapshot.Languages.Contains(language) ? language : defaultLanguage;
        return snapshot.Localized.GetOrAdd(key, static (lang, state) => CategoryTreeLocalizer.Localize(state.Tree, lang, state.DefaultLanguage), (snapshot.Tree, DefaultLanguage: defaultLanguage));
    }

    public void Dispose() => rebuild.Dispose();

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && snapshot.ExpiresAt > timeProvider.GetUtcNow())
        {
            return snapshot;
        }

        await rebuild.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref current);
            if (snapshot is not null && snapshot.ExpiresAt > timeProvider.GetUtcNow())
            {
                return snapshot;
            }

            var tree = CategoryTreeBuilder.Build(await repository.ListAllAsync(cancellationToken));
            snapshot = new Snapshot(tree, CategoryTreeLocalizer.LanguagesOf(tree), timeProvider.GetUtcNow() + options.Value.CategoryTreeCacheDuration);
            Volatile.Write(ref current, snapshot);
            return snapshot;
        }
        finally
        {
            rebuild.Release();
        }
    }

    private sealed record Snapshot(CategoryTree Tree, IReadOnlySet<string> Languages, DateTimeOffset ExpiresAt)
    {
        public ConcurrentDictionary<string, CategoryTree> Localized { get; } = new(StringComparer.Ordinal);
    }
}
