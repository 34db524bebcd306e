using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Model;

/// <summary>Catalog service settings (configuration section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>
    /// Seed the demo catalog (category tree, producers, products with stock) on start when the store holds no
    /// categories (on in Development, so <c>dotnet run --project Dixis.AppHost</c> shows a realistic shop).
    /// </summary>
    public bool SeedDemoData { get; set; }

    /// <summary>How many demo products to seed with <see cref="SeedDemoData"/>.</summary>
    [Range(0, 1_000_000)]
    public int DemoProductCount { get; set; } = 1_200;

    /// <summary>How many demo producers to seed with <see cref="SeedDemoData"/>.</summary>
    [Range(1, 10_000)]
    public int DemoProducerCount { get; set; } = 36;

    /// <summary>The market's default language: every name must have it, and texts fall back to it.</summary>
    [Required]
    [RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", ErrorMessage = "Catalog:DefaultLanguage must be a BCP-47 language code such as 'el'.")]
    public string DefaultLanguage { get; set; } = "el";

    /// <summary>The market's currency (ISO 4217): every price is in it.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Catalog:CurrencyCode must be an ISO 4217 code such as 'EUR'.")]
    public string CurrencyCode { get; set; } = "EUR";

    /// <summary>How long a cached product, producer or category tree may be kept (writes invalidate at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
