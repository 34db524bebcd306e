namespace Dixis.Catalog.DemoData;

/// <summary>
/// Deterministic ids for demo producers, by slug, the way <see cref="DemoCategoryId"/> names categories: the demo
/// products refer to their producers by these ids, and a loader maps them to the ids a service assigned.
/// </summary>
public static class DemoProducerId
{
    public static string For(string slug)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        return NameBasedId.For("dixis.catalog.demo-producer", slug);
    }
}
