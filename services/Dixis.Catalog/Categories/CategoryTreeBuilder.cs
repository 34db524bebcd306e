using Dixis.Contracts.Catalog.V1;
using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Categories;

/// <summary>Turns the flat list of stored categories into the nested contract tree, siblings in position order.</summary>
public static class CategoryTreeBuilder
{
    /// <param name="categories">Every stored category.</param>
    /// <param name="productCounts">Searchable products per category, subtree included.</param>
    public static CategoryTree Build(IReadOnlyList<Document<CategoryRecord>> categories, IReadOnlyDictionary<string, long> productCounts)
    {
        var ids = categories.Select(category => category.Id).ToHashSet(StringComparer.Ordinal);
        var childrenByParent = categories
            .Where(category => category.Value.ParentId is { } parentId && ids.Contains(parentId))
            .ToLookup(category => category.Value.ParentId!, StringComparer.Ordinal);

        // A category whose parent is missing is shown as a root rather than silently dropped.
        var roots = categories.Where(category => category.Value.ParentId is not { } parentId || !ids.Contains(parentId));

        var tree = new CategoryTree();
        tree.Roots.AddRange(Ordered(roots).Select(root => Node(root, childrenByParent, productCounts, depth: 0)));
        return tree;
    }

    private static CategoryNode Node(
        Document<CategoryRecord> category, ILookup<string, Document<CategoryRecord>> childrenByParent, IReadOnlyDictionary<string, long> productCounts, int depth)
    {
        var node = new CategoryNode { Category = ToContract(category, productCounts.GetValueOrDefault(category.Id)) };

        // The depth bound guards against a cycle in stored data turning into endless recursion.
        if (depth < MaxDepth)
        {
            node.Children.AddRange(Ordered(childrenByParent[category.Id]).Select(child => Node(child, childrenByParent, productCounts, depth + 1)));
        }

        return node;
    }

    /// <summary>The deepest tree the service builds; moves that would go deeper are refused.</summary>
    public const int MaxDepth = 16;

    private static IEnumerable<Document<CategoryRecord>> Ordered(IEnumerable<Document<CategoryRecord>> categories) =>
        categories.OrderBy(category => category.Value.Position).ThenBy(category => category.Value.Slug, StringComparer.Ordinal);

    /// <summary>The contract category of a stored one.</summary>
    public static Category ToContract(Document<CategoryRecord> document, long productCount)
    {
        var record = document.Value;
        return new Category
        {
            Id = document.Id,
            ParentId = record.ParentId ?? string.Empty,
            Slug = record.Slug,
            Name = LocalizedTexts.ToContract(record.Name),
            Description = LocalizedTexts.ToContract(record.Description),
            Position = record.Position,
            ProductCount = productCount,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdateTime),
            Etag = Etag.Of(document.Version),
        };
    }

}
