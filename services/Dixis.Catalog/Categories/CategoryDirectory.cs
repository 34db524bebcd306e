using System.Runtime.CompilerServices;
using Dixis.Catalog.Caching;
using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Dixis.Catalog.Search;
using Dixis.Contracts.Catalog.V1;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Categories;

/// <summary>
/// The category tree as every reader gets it: built from the store with product counts from the search index,
/// cached per language (tag <see cref="CacheTags.CategoryTree"/>, dropped by every category write and by
/// every search index change that moves a count), plus a <see cref="CategoryIndex"/> of the same tree.
/// </summary>
public sealed class CategoryDirectory(CategoryRepository repository, CatalogCache cache, ProductCounts counts, IOptions<CatalogOptions> options)
{
    /// <summary>The cache key of the tree with every language.</summary>
    private const string AllLanguages = "*";

    private readonly ConditionalWeakTable<CategoryTree, CategoryIndex> indexes = [];

    /// <summary>The whole tree; with a language, every text narrowed to it (see <see cref="CategoryTreeLocalizer"/>). Shared instance: do not change it.</summary>
    public async ValueTask<CategoryTree> GetTreeAsync(string? language, CancellationToken cancellationToken)
    {
        var all = await cache.GetCategoryTreeAsync(AllLanguages, BuildAsync, cancellationToken);
        if (string.IsNullOrEmpty(language))
        {
            return all;
        }

        // Languages that no text uses all give the default-language tree: the cache stays bounded whatever
        // codes callers send.
        var defaultLanguage = options.Value.DefaultLanguage;
        var key = CategoryTreeLocalizer.LanguagesOf(all).Contains(language) ? language : defaultLanguage;
        return await cache.GetCategoryTreeAsync(key, _ => ValueTask.FromResult(CategoryTreeLocalizer.Localize(all, key, defaultLanguage)), cancellationToken);
    }

    /// <summary>Lookups over the current tree (paths, subtrees, children).</summary>
    public async ValueTask<CategoryIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        var tree = await GetTreeAsync(null, cancellationToken);
        return indexes.GetValue(tree, static built => new CategoryIndex(built));
    }

    private async ValueTask<CategoryTree> BuildAsync(CancellationToken cancellationToken)
    {
        var categories = await repository.ListAllAsync(cancellationToken);
        return CategoryTreeBuilder.Build(categories, await counts.ByCategorySubtreeAsync(cancellationToken));
    }
}
