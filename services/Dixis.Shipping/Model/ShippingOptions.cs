using System.ComponentModel.DataAnnotations;

namespace Dixis.Shipping.Model;

/// <summary>Shipping service settings (configuration section <c>Shipping</c>): the market, so that a second country is configuration.</summary>
public sealed class ShippingOptions
{
    public const string SectionName = "Shipping";

    /// <summary>The country quoted when a request names none (CLDR region code), and whose default rate table is seeded.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Shipping:DefaultRegionCode must be a CLDR region code such as 'GR'.")]
    public string DefaultRegionCode { get; set; } = "GR";

    /// <summary>The currency of a new rate table that names none (ISO 4217).</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Shipping:DefaultCurrencyCode must be an ISO 4217 code such as 'EUR'.")]
    public string DefaultCurrencyCode { get; set; } = "EUR";

    /// <summary>
    /// At start, when the default region has no rate table at all, store and activate the default table shipped with
    /// the service (<c>RateTables/Defaults/&lt;region&gt;.json</c>, or <see cref="DefaultRateTableFile"/>).
    /// </summary>
    public bool SeedDefaultRateTable { get; set; } = true;

    /// <summary>
    /// How long a replica quotes from the active table it last read before reading the store again (checkout quotes
    /// every parcel; the table changes rarely). Writes on this replica apply at once; others see them within this time.
    /// Zero reads the store on every quote.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Shipping:ActiveTableRefresh must be between 0 and 5 minutes.")]
    public TimeSpan ActiveTableRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A rate table file (the JSON an admin would POST to <c>/v1/rateTables</c>) to seed instead of the shipped one.</summary>
    public string? DefaultRateTableFile { get; set; }
}
