namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The language-neutral fields of a product document (the text fields are per <see cref="SearchLanguage"/>).
/// Filters use indexed terms; sorts, facets, counts and hits use doc values, so a search never loads stored documents.
/// </summary>
internal static class ProductFields
{
    /// <summary>The product id: indexed term (replace and delete by id) and sorted doc values (the tie-breaker of every sort).</summary>
    public const string Id = "id";

    /// <summary>The producer id, indexed (producer filter).</summary>
    public const string Producer = "producer";

    /// <summary>Sorted doc values: the producer id with the trading name as the facet label.</summary>
    public const string ProducerFacet = "producer_facet";

    /// <summary>Sorted doc values: the product's own category id with its name as the facet label.</summary>
    public const string CategoryFacet = "category_facet";

    /// <summary>Every category id from the root down, indexed (subtree filter) and as sorted-set doc values (subtree counts).</summary>
    public const string CategoryPath = "category_path";

    /// <summary>Each attribute as one indexed <c>key␟value</c> term (attribute filters).</summary>
    public const string Attribute = "attribute";

    /// <summary>Sorted-set doc values: each attribute's key, value and label (attribute facets).</summary>
    public const string AttributeFacet = "attribute_facet";

    /// <summary>Indexed only for products with stock (in-stock filter).</summary>
    public const string InStock = "in_stock";

    /// <summary>The sort keys read from <see cref="Record"/>; named only so that sorts read clearly.</summary>
    public const string MinPrice = "min_price";

    public const string PublishTime = "publish_time";

    public const string NameLength = "name_length";

    /// <summary>
    /// Binary doc values: everything else a search reads per product, in one value (see <see cref="ProductRecord"/>):
    /// prices, publish time, name length and the hit itself. One doc-values field instead of five, because Lucene.Net
    /// measures each numeric and binary doc-values writer's memory per added value, expensively.
    /// </summary>
    public const string Record = "record";

    /// <summary>The term value of <see cref="InStock"/>.</summary>
    public const string InStockValue = "1";

    /// <summary>The fields indexed as single, exact terms.</summary>
    public static IReadOnlyList<string> Keywords { get; } = [Id, Producer, CategoryPath, Attribute, InStock];

    /// <summary>The indexed term of one attribute value; the separator cannot appear in a key.</summary>
    public static string AttributeTerm(string key, string value) => string.Concat(key, "\u001F", value);
}
