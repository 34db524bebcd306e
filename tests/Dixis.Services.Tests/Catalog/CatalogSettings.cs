using Dixis.Services.Tests.Infrastructure;

namespace Dixis.Services.Tests.Catalog;

/// <summary>Catalog configurations the tests start from.</summary>
public static class CatalogSettings
{
    /// <summary>The demo category tree and producers, no demo products, index changes visible fast.</summary>
    public static ServiceSettings WithoutDemoProducts(string? dataDirectory = null) => new(dataDirectory)
    {
        Values = new Dictionary<string, string?>(WithoutDemoProductsValues),
    };

    /// <summary>The settings of <see cref="WithoutDemoProducts"/>, for a test that builds its own <see cref="ServiceSettings"/>.</summary>
    public static IReadOnlyDictionary<string, string?> WithoutDemoProductsValues { get; } = new Dictionary<string, string?>
    {
        ["Catalog:SeedDemoData"] = "true",
        ["Catalog:DemoProductCount"] = "0",
        ["Catalog:Search:SyncInterval"] = "00:00:00.200",
    };
}
