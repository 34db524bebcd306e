namespace Dixis.Catalog.DemoData;

/// <summary>A category of the demo tree without children, where demo products go, with its slug path from the root.</summary>
/// <param name="Path">Slugs from the root, joined by <c>/</c>, e.g. <c>olive-oil/organic-olive-oil</c>: what <see cref="DemoCategoryId"/> is computed from.</param>
/// <param name="Category">The category itself.</param>
public sealed record DemoCategoryLeaf(string Path, DemoCategory Category)
{
    /// <summary>The slug of the root category this leaf lies under, e.g. <c>olive-oil</c>.</summary>
    public string RootSlug => Path[..(Path.IndexOf('/') is var slash and >= 0 ? slash : Path.Length)];

    /// <summary>The id the demo seeder gives this category.</summary>
    public string Id => DemoCategoryId.For(Path);
}
