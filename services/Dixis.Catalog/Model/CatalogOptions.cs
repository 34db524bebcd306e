using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Model;

/// <summary>Catalog service settings (configuration section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Seed a demo category tree on start when the store holds no categories (on in Development).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The market's default language, used when a text lacks the requested one.</summary>
    [Required]
    [RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", ErrorMessage = "Catalog:DefaultLanguage must be a BCP-47 language code such as 'el'.")]
    public string DefaultLanguage { get; set; } = "el";

    /// <summary>
    /// How long a built category tree is served from memory. The tree is read on every page view and
    /// changes rarely; a few seconds of staleness after an admin edit is acceptable.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CategoryTreeCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
