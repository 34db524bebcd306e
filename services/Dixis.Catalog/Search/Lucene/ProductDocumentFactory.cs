using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Turns a <see cref="ProductSearchDocument"/> into the Lucene document described by <see cref="ProductFields"/> and <see cref="SearchLanguage"/>.</summary>
internal static class ProductDocumentFactory
{
    /// <summary>How many times a name counts among the texts of a product.</summary>
    private const int NameWeight = 3;

    /// <summary>Analysed text for matching and BM25 scoring; positions are left out because no query uses them.</summary>
    private static readonly FieldType MatchedText = Indexed(IndexOptions.DOCS_AND_FREQS, omitNorms: false);

    /// <summary>
    /// Terms that only have to be there: filter and id keywords (one exact token each, see <see cref="ProductTextAnalyzer"/>)
    /// and the first word of a name.
    /// </summary>
    private static readonly FieldType Presence = Indexed(IndexOptions.DOCS_ONLY, omitNorms: true);

    public static Document Create(ProductSearchDocument product)
    {
        ArgumentNullException.ThrowIfNull(product);
        Require(product.ProductId, nameof(product.ProductId));
        Require(product.ProducerId, nameof(product.ProducerId));
        Require(product.CategoryId, nameof(product.CategoryId));
        if (product.Summary is null)
        {
            throw new ArgumentException($"Product {product.ProductId} has no summary.", nameof(product));
        }

        var document = new Document
        {
            new Field(ProductFields.Id, product.ProductId, Presence),
            new SortedDocValuesField(ProductFields.Id, new BytesRef(product.ProductId)),
            new Field(ProductFields.Producer, product.ProducerId, Presence),
            new SortedDocValuesField(ProductFields.ProducerFacet, FacetTerm.Encode(product.ProducerId, product.ProducerName ?? string.Empty, label: null)),
            new SortedDocValuesField(ProductFields.CategoryFacet, FacetTerm.Encode(product.CategoryId, second: null, OwnCategoryName(product))),
            new BinaryDocValuesField(ProductFields.Record, ProductRecord.Encode(product.MinPriceMinor, product.PublishTimeMs, ShortestNameLength(product), VariantPrices(product), product.Summary)),
        };

        if (product.InStock)
        {
            document.Add(new Field(ProductFields.InStock, ProductFields.InStockValue, Presence));
        }

        AddCategoryPath(document, product);
        AddAttributes(document, product);
        foreach (var language in SearchLanguage.All)
        {
            AddTexts(document, product, language);
        }

        return document;
    }

    private static void AddCategoryPath(Document document, ProductSearchDocument product)
    {
        var path = new HashSet<string>(product.CategoryPath ?? [], StringComparer.Ordinal) { product.CategoryId };
        foreach (var categoryId in path.Where(id => !string.IsNullOrEmpty(id)))
        {
            document.Add(new Field(ProductFields.CategoryPath, categoryId, Presence));
            document.Add(new SortedSetDocValuesField(ProductFields.CategoryPath, new BytesRef(categoryId)));
        }
    }

    private static void AddAttributes(Document document, ProductSearchDocument product)
    {
        // One facet value per key and value: two labels for the same value must not count the product twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in product.Attributes ?? [])
        {
            if (string.IsNullOrEmpty(attribute.Key) || attribute.Value is null)
            {
                continue;
            }

            var term = ProductFields.AttributeTerm(attribute.Key, attribute.Value);
            if (seen.Add(term))
            {
                document.Add(new Field(ProductFields.Attribute, term, Presence));
                document.Add(new SortedSetDocValuesField(ProductFields.AttributeFacet, FacetTerm.Encode(attribute.Key, attribute.Value, attribute.Label)));
            }
        }
    }

    /// <summary>Every variant's price, for the price filter; a product without variants listed is priced by its cheapest.</summary>
    private static List<long> VariantPrices(ProductSearchDocument product) =>
        product.VariantPricesMinor is { Count: > 0 } prices ? prices.Distinct().ToList() : [product.MinPriceMinor];

    /// <summary>
    /// Adds the language's text fields. The short texts and the stemmed texts each go in as one string (lines apart), not
    /// one field per text: no query uses positions, and every field instance costs an analysis setup of its own.
    /// </summary>
    private static void AddTexts(Document document, ProductSearchDocument product, SearchLanguage language)
    {
        var shortTexts = new StringBuilder();
        var name = product.Name?.GetValueOrDefault(language.Code);
        if (!string.IsNullOrWhiteSpace(name))
        {
            name = ProductTextAnalyzer.Compose(name);
            document.Add(new Field(language.NameField, name, MatchedText));
            document.Add(new Field(language.NameStartField, name, Presence));
            AppendLine(shortTexts, name);
        }

        foreach (var attribute in product.Attributes ?? [])
        {
            AppendLine(shortTexts, attribute.Label?.GetValueOrDefault(language.Code));
        }

        foreach (var categoryName in product.CategoryNames ?? [])
        {
            AppendLine(shortTexts, categoryName?.GetValueOrDefault(language.Code));
        }

        // A brand or a trading name is the same word in every language.
        AppendLine(shortTexts, product.Brand);
        AppendLine(shortTexts, product.ProducerName);
        if (shortTexts.Length == 0)
        {
            return;
        }

        var stemmed = new StringBuilder().Append(shortTexts);

        // The name's stems count several times: BM25 then weighs a word of the name above the same word in a
        // description, without a separate name clause in every query (one postings list per word instead of two).
        for (var repeat = 1; repeat < NameWeight && !string.IsNullOrWhiteSpace(name); repeat++)
        {
            AppendLine(stemmed, name);
        }

        AppendLine(stemmed, product.Description?.GetValueOrDefault(language.Code));
        document.Add(new Field(language.ShortTextField, ProductTextAnalyzer.Compose(shortTexts.ToString()), MatchedText));
        document.Add(new Field(language.StemField, ProductTextAnalyzer.Compose(stemmed.ToString()), MatchedText));
    }

    private static void AppendLine(StringBuilder texts, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            texts.Append(text).Append('\n');
        }
    }

    /// <summary>The name of the product's own category (the last on the path) per language, when the names line up with the path.</summary>
    private static IReadOnlyDictionary<string, string>? OwnCategoryName(ProductSearchDocument product) =>
        product.CategoryNames is { Count: > 0 } names && product.CategoryPath is { Count: > 0 } path
            && names.Count == path.Count && path[^1] == product.CategoryId
            ? names[^1]
            : null;

    private static int ShortestNameLength(ProductSearchDocument product)
    {
        var lengths = (product.Name ?? new Dictionary<string, string>()).Values.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Length);
        return lengths.DefaultIfEmpty(int.MaxValue).Min();
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"A search document needs a {name}.", name);
        }
    }

    private static FieldType Indexed(IndexOptions options, bool omitNorms)
    {
        var type = new FieldType { IsIndexed = true, IsTokenized = true, IsStored = false, IndexOptions = options, OmitNorms = omitNorms };
        type.Freeze();
        return type;
    }
}
