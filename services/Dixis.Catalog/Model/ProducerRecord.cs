using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Model;

/// <summary>A producer as stored (collection <c>producers</c>, id = producer id). Times are Unix milliseconds.</summary>
/// <param name="Slug">The URL name, unique.</param>
/// <param name="DisplayName">The trading name.</param>
/// <param name="SortName">The display name folded for ordering (lower case, accents removed), so lists sort as readers expect.</param>
/// <param name="Description">The producer's story per language.</param>
/// <param name="Region">Where the producer is, per language.</param>
/// <param name="LogoUri">The https URL of the logo, when set.</param>
/// <param name="OriginPostalCode">The postal code parcels ship from.</param>
/// <param name="OriginRegionCode">The CLDR region code parcels ship from.</param>
/// <param name="State">Active or suspended.</param>
/// <param name="CreateTimeMs">When the producer was created.</param>
/// <param name="UpdateTimeMs">When the producer was last changed.</param>
public sealed record ProducerRecord(
    string Slug,
    string DisplayName,
    string SortName,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyDictionary<string, string> Region,
    string? LogoUri,
    string? OriginPostalCode,
    string? OriginRegionCode,
    ProducerState State,
    long CreateTimeMs,
    long UpdateTimeMs);
