namespace Dixis.Catalog.DemoData;

/// <summary>One category of the demo tree, with its Greek and English texts and its children.</summary>
public sealed record DemoCategory(
    string Slug,
    string NameEl,
    string NameEn,
    string DescriptionEl,
    string DescriptionEn,
    IReadOnlyList<DemoCategory> Children)
{
    public DemoCategory(string slug, string nameEl, string nameEn)
        : this(slug, nameEl, nameEn, string.Empty, string.Empty, [])
    {
    }
}
