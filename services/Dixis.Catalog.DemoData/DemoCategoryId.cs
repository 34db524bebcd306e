namespace Dixis.Catalog.DemoData;

/// <summary>
/// Deterministic ids for demo categories: every replica that seeds at the same time computes the same
/// id for the same category, so insert-if-absent makes concurrent seeding safe. The id has the shape
/// of a UUID (version 8, name-based) like every other id, and stays opaque to clients.
/// </summary>
public static class DemoCategoryId
{
    public static string For(string slugPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slugPath);
        return NameBasedId.For("dixis.catalog.demo-category", slugPath);
    }
}
