using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Search;

/// <summary>
/// What the search index knows of one searchable product: the text to match, the values to filter, sort and
/// facet by, and the <see cref="Summary"/> returned as the hit (so a search never reads the store).
/// </summary>
/// <param name="ProductId">The product id; the document's identity.</param>
/// <param name="Name">The name per language code (<c>el</c>, <c>en</c>).</param>
/// <param name="Description">The description per language code.</param>
/// <param name="Brand">The brand, when set.</param>
/// <param name="ProducerId">The producer's id (filter, facet).</param>
/// <param name="ProducerName">The producer's trading name (full text, facet label).</param>
/// <param name="CategoryId">The product's own category (facet).</param>
/// <param name="CategoryPath">Every category from the root down to <paramref name="CategoryId"/> (subtree filter).</param>
/// <param name="CategoryNames">The names of the categories on the path per language (full text: "cheese" finds feta).</param>
/// <param name="Attributes">Attribute values (filter, facet, full text through their labels).</param>
/// <param name="VariantPricesMinor">Every variant's price in minor units (price range filter).</param>
/// <param name="MinPriceMinor">The cheapest variant's price (price sorts and price facet).</param>
/// <param name="InStock">Whether any variant has available stock (in-stock filter).</param>
/// <param name="PublishTimeMs">When the product first became active, Unix ms (newest sort).</param>
/// <param name="Summary">What a hit shows.</param>
public sealed record ProductSearchDocument(
    string ProductId,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Description,
    string? Brand,
    string ProducerId,
    string ProducerName,
    string CategoryId,
    IReadOnlyList<string> CategoryPath,
    IReadOnlyList<IReadOnlyDictionary<string, string>> CategoryNames,
    IReadOnlyList<SearchAttribute> Attributes,
    IReadOnlyList<long> VariantPricesMinor,
    long MinPriceMinor,
    bool InStock,
    long PublishTimeMs,
    ProductSummary Summary);
