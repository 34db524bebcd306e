using Dixis.Catalog.DemoData;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Loading;

/// <summary>
/// The demo category ids the generator writes (<see cref="DemoCategoryId"/>, from slug paths) mapped to the ids the
/// catalog gave the same categories, by slug path, read from <c>CategoryService/GetCategoryTree</c>.
/// </summary>
public sealed class CategoryIdMap
{
    public const string Method = "dixis.catalog.v1.CategoryService/GetCategoryTree";
    private readonly Dictionary<string, string> byDemoId;

    private CategoryIdMap(Dictionary<string, string> byDemoId, IReadOnlyDictionary<string, string> byPath)
    {
        this.byDemoId = byDemoId;
        IdsByPath = byPath;
    }

    /// <summary>The catalog's category id for every slug path of its tree, e.g. <c>olive-oil/organic-olive-oil</c>.</summary>
    public IReadOnlyDictionary<string, string> IdsByPath { get; }

    /// <summary>Reads the catalog's tree and checks that every leaf of the demo tree is in it.</summary>
    /// <exception cref="CatalogLoadException">The call failed, or the demo tree is not (all) there.</exception>
    public static async Task<CategoryIdMap> LoadAsync(CatalogConnection catalog, CancellationToken cancellationToken)
    {
        CategoryTree tree;
        try
        {
            tree = await catalog.Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), catalog.Options(cancellationToken));
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CatalogLoadException(CallFailures.Explain(failure, catalog.Address, Method), failure);
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in tree.Roots)
        {
            AddPaths(root, root.Category.Slug, byPath);
        }

        var missing = DemoCategoryTree.Leaves.Where(leaf => !byPath.ContainsKey(leaf.Path)).Select(leaf => leaf.Path).ToList();
        if (missing.Count > 0)
        {
            throw new CatalogLoadException(
                $"The catalog at {catalog.Address} lacks {missing.Count} of the {DemoCategoryTree.Leaves.Count} demo categories " +
                $"(e.g. {string.Join(", ", missing.Take(3))}). Demo products need the demo category tree: start the catalog with " +
                "Catalog__SeedDemoData=true on an empty store (the default in Development).");
        }

        var byDemoId = byPath.ToDictionary(pair => DemoCategoryId.For(pair.Key), pair => pair.Value, StringComparer.Ordinal);
        return new CategoryIdMap(byDemoId, byPath);
    }

    /// <summary>The catalog's id of the demo category <paramref name="demoId"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a demo category id.</exception>
    public string this[string demoId] => byDemoId[demoId];

    /// <summary>The catalog's id for <paramref name="demoId"/>, when it is a demo category id.</summary>
    public bool TryTranslate(string demoId, out string id) => byDemoId.TryGetValue(demoId, out id!);

    private static void AddPaths(CategoryNode node, string path, Dictionary<string, string> byPath)
    {
        byPath[path] = node.Category.Id;
        foreach (var child in node.Children)
        {
            AddPaths(child, $"{path}/{child.Category.Slug}", byPath);
        }
    }
}
