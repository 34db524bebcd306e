using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Persistence.Documents;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Model;

/// <summary>Turns the flat list of stored categories into the nested contract tree, siblings in position order.</summary>
public static class CategoryTreeBuilder
{
    public static CategoryTree Build(IReadOnlyList<Document<CategoryRecord>> categories)
    {
        var ids = categories.Select(category => category.Id).ToHashSet(StringComparer.Ordinal);
        var childrenByParent = categories
            .Where(category => category.Value.ParentId is { } parentId && ids.Contains(parentId))
            .ToLookup(category => category.Value.ParentId!, StringComparer.Ordinal);

        // A category whose parent is missing is shown as a root rather than silently dropped.
        var roots = categories.Where(category => category.Value.ParentId is not { } parentId || !ids.Contains(parentId));

        var tree = new CategoryTree();
        tree.Roots.AddRange(Ordered(roots).Select(root => Node(root, childrenByParent, depth: 0)));
        return tree;
    }

    private static CategoryNode Node(Document<CategoryRecord> category, ILookup<string, Document<CategoryRecord>> childrenByParent, int depth)
    {
        var node = new CategoryNode { Category = ToContract(category) };

        // The depth bound guards against a cycle in stored data turning into endless recursion.
        if (depth < MaxDepth)
        {
            node.Children.AddRange(Ordered(childrenByParent[category.Id]).Select(child => Node(child, childrenByParent, depth + 1)));
        }

        return node;
    }

    private const int MaxDepth = 16;

    private static IEnumerable<Document<CategoryRecord>> Ordered(IEnumerable<Document<CategoryRecord>> categories) =>
        categories.OrderBy(category => category.Value.Position).ThenBy(category => category.Value.Slug, StringComparer.Ordinal);

    private static Category ToContract(Document<CategoryRecord> document)
    {
        var record = document.Value;
        return new Category
        {
            Id = document.Id,
            ParentId = record.ParentId ?? string.Empty,
            Slug = record.Slug,
            Name = Text(record.Name),
            Description = Text(record.Description),
            Position = record.Position,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdateTime),
            Etag = $"\"{document.Version}\"",
        };
    }

    private static LocalizedText Text(IReadOnlyDictionary<string, string> values)
    {
        var text = new LocalizedText();
        text.Values.Add(values.ToDictionary());
        return text;
    }
}
