namespace Dixis.Catalog.Caching;

/// <summary>Cache keys and the tags writes invalidate them by. One place, so a writer cannot miss a reader's key.</summary>
public static class CacheTags
{
    /// <summary>Every language variant of the category tree (names, counts).</summary>
    public const string CategoryTree = "category-tree";

    public const string ProductPrefix = "product/";
    public const string SlugPrefix = "product-slug/";
    public const string ProducerPrefix = "producer/";

    public static string Product(string productId) => ProductPrefix + productId;

    public static string Slug(string slug) => SlugPrefix + slug;

    public static string Producer(string producerId) => ProducerPrefix + producerId;

    /// <summary>The id a tag of this prefix names, or null for a tag of another kind.</summary>
    public static string? IdOf(string tag, string prefix) => tag.StartsWith(prefix, StringComparison.Ordinal) ? tag[prefix.Length..] : null;

    public static string ProductKey(string productId) => $"catalog:product:{productId}";

    public static string SlugKey(string slug) => $"catalog:product-slug:{slug}";

    public static string ProducerKey(string producerId) => $"catalog:producer:{producerId}";

    public static string CategoryTreeKey(string language) => $"catalog:category-tree:{language}";
}
