namespace Dixis.Catalog.Caching;

/// <summary>Cache keys and the tags writes invalidate them by. One place, so a writer cannot miss a reader's key.</summary>
public static class CacheTags
{
    /// <summary>Every language variant of the category tree (names, counts).</summary>
    public const string CategoryTree = "category-tree";

    public static string Product(string productId) => $"product/{productId}";

    public static string Slug(string slug) => $"product-slug/{slug}";

    public static string Producer(string producerId) => $"producer/{producerId}";

    public static string ProductKey(string productId) => $"catalog:product:{productId}";

    public static string SlugKey(string slug) => $"catalog:product-slug:{slug}";

    public static string ProducerKey(string producerId) => $"catalog:producer:{producerId}";

    public static string CategoryTreeKey(string language) => $"catalog:category-tree:{language}";
}
