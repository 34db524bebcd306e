using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Categories;

/// <summary>
/// The category tree as lookups: a category's path from the root, its subtree, its children. Built from one
/// cached tree and kept with it, so subtree filters and index documents never walk the store.
/// </summary>
public sealed class CategoryIndex
{
    private readonly Dictionary<string, Category> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> childrenById = new(StringComparer.Ordinal);
    private readonly List<string> roots = [];

    public CategoryIndex(CategoryTree tree)
    {
        foreach (var root in tree.Roots)
        {
            roots.Add(root.Category.Id);
            Add(root);
        }
    }

    public int Count => byId.Count;

    public bool Contains(string categoryId) => byId.ContainsKey(categoryId);

    public Category? Find(string categoryId) => byId.GetValueOrDefault(categoryId);

    /// <summary>The ids of the children of <paramref name="parentId"/> (the roots for null), in position order.</summary>
    public IReadOnlyList<string> ChildrenOf(string? parentId) =>
        parentId is null ? roots : childrenById.TryGetValue(parentId, out var children) ? children : [];

    /// <summary>The ids from the root down to <paramref name="categoryId"/> (inclusive); empty for an unknown id.</summary>
    public IReadOnlyList<string> PathTo(string categoryId)
    {
        var path = new List<string>();
        for (var current = Find(categoryId); current is not null && path.Count <= byId.Count; current = Find(current.ParentId))
        {
            path.Add(current.Id);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The category and every category below it; empty for an unknown id.</summary>
    public IReadOnlyList<string> SubtreeOf(string categoryId)
    {
        if (!Contains(categoryId))
        {
            return [];
        }

        var subtree = new List<string>();
        var pending = new Stack<string>([categoryId]);
        while (pending.Count > 0 && subtree.Count <= byId.Count)
        {
            var id = pending.Pop();
            subtree.Add(id);
            foreach (var child in ChildrenOf(id))
            {
                pending.Push(child);
            }
        }

        return subtree;
    }

    private void Add(CategoryNode node)
    {
        byId[node.Category.Id] = node.Category;
        var children = new List<string>(node.Children.Count);
        foreach (var child in node.Children)
        {
            children.Add(child.Category.Id);
            Add(child);
        }

        childrenById[node.Category.Id] = children;
    }
}
