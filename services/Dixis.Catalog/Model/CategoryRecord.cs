namespace Dixis.Catalog.Model;

/// <summary>A category as stored in the document store (collection <c>categories</c>).</summary>
/// <param name="ParentId">The parent category's id; null for a root.</param>
/// <param name="Slug">The URL name, unique among siblings.</param>
/// <param name="Name">The name per BCP-47 language code (<c>el</c>, <c>en</c>).</param>
/// <param name="Description">A short description per language code.</param>
/// <param name="Position">The display order among siblings, ascending.</param>
/// <param name="CreateTime">When the category was created.</param>
/// <param name="UpdateTime">When the category was last changed.</param>
public sealed record CategoryRecord(
    string? ParentId,
    string Slug,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Description,
    int Position,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime);
