using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Model;

/// <summary>A product as stored (collection <c>products</c>, id = product id). Times are Unix milliseconds.</summary>
/// <param name="Slug">The URL name, unique across products.</param>
/// <param name="ProducerId">The owning producer.</param>
/// <param name="CategoryId">The category the product is listed in.</param>
/// <param name="Brand">The brand, when different from the producer's name.</param>
/// <param name="Name">The name per BCP-47 language code.</param>
/// <param name="Description">The description per language code.</param>
/// <param name="Attributes">Facts for filters and facets.</param>
/// <param name="Images">Pictures in display order.</param>
/// <param name="TaxClass">The VAT class.</param>
/// <param name="Status">Draft, active or archived.</param>
/// <param name="CurrencyCode">The ISO 4217 currency of every variant price (the market's).</param>
/// <param name="Variants">The sellable variants, at least one.</param>
/// <param name="CreateTimeMs">When the product was created.</param>
/// <param name="UpdateTimeMs">When the product was last changed (the search index follows this stamp).</param>
/// <param name="PublishTimeMs">When the product first became active; null for a product never active.</param>
public sealed record ProductRecord(
    string Slug,
    string ProducerId,
    string CategoryId,
    string? Brand,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<AttributeRecord> Attributes,
    IReadOnlyList<ImageRecord> Images,
    TaxClass TaxClass,
    ProductStatus Status,
    string CurrencyCode,
    IReadOnlyList<VariantRecord> Variants,
    long CreateTimeMs,
    long UpdateTimeMs,
    long? PublishTimeMs);
