using Google.Protobuf;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Turns a <see cref="ProductSearchDocument"/> into the Lucene document described by <see cref="ProductFields"/> and <see cref="SearchLanguage"/>.</summary>
internal static class ProductDocumentFactory
{
    /// <summary>Analysed text for matching and BM25 scoring; positions are left out because no query uses them.</summary>
    private static readonly FieldType MatchedText = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>The first word of a name: only whether it is there counts.</summary>
    private static readonly FieldType PresenceOnlyText = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

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
            new StringField(ProductFields.Id, product.ProductId, Field.Store.NO),
            new SortedDocValuesField(ProductFields.Id, new BytesRef(product.ProductId)),
            new StringField(ProductFields.Producer, product.ProducerId, Field.Store.NO),
            new SortedDocValuesField(ProductFields.ProducerFacet, FacetTerm.Encode(product.ProducerId, product.ProducerName ?? string.Empty, label: null)),
            new SortedDocValuesField(ProductFields.CategoryFacet, FacetTerm.Encode(product.CategoryId, second: null, OwnCategoryName(product))),
            new NumericDocValuesField(ProductFields.MinPrice, product.MinPriceMinor),
            new NumericDocValuesField(ProductFields.PublishTime, product.PublishTimeMs),
            new NumericDocValuesField(ProductFields.NameLength, ShortestNameLength(product)),
            new BinaryDocValuesField(ProductFields.Summary, new BytesRef(product.Summary.ToByteArray())),
        };

        if (product.InStock)
        {
            document.Add(new StringField(ProductFields.InStock, ProductFields.InStockValue, Field.Store.NO));
        }

        AddCategoryPath(document, product);
        AddAttributes(document, product);
        AddVariantPrices(document, product);
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
            document.Add(new StringField(ProductFields.CategoryPath, categoryId, Field.Store.NO));
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
                document.Add(new StringField(ProductFields.Attribute, term, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(ProductFields.AttributeFacet, FacetTerm.Encode(attribute.Key, attribute.Value, attribute.Label)));
            }
        }
    }

    private static void AddVariantPrices(Document document, ProductSearchDocument product)
    {
        var prices = product.VariantPricesMinor is { Count: > 0 } variantPrices ? variantPrices.Distinct() : [product.MinPriceMinor];
        foreach (var price in prices)
        {
            document.Add(new Int64Field(ProductFields.VariantPrice, price, Field.Store.NO));
        }
    }

    private static void AddTexts(Document document, ProductSearchDocument product, SearchLanguage language)
    {
        if (product.Name?.TryGetValue(language.Code, out var name) == true && !string.IsNullOrWhiteSpace(name))
        {
            name = ProductTextAnalyzer.Compose(name);
            document.Add(new Field(language.NameField, name, MatchedText));
            document.Add(new Field(language.NameStartField, name, PresenceOnlyText));
            AddMatched(document, language, name);
        }

        if (product.Description?.TryGetValue(language.Code, out var description) == true)
        {
            AddMatched(document, language, description);
        }

        foreach (var attribute in product.Attributes ?? [])
        {
            if (attribute.Label?.TryGetValue(language.Code, out var label) == true)
            {
                AddMatched(document, language, label);
            }
        }

        foreach (var categoryName in product.CategoryNames ?? [])
        {
            if (categoryName?.TryGetValue(language.Code, out var text) == true)
            {
                AddMatched(document, language, text);
            }
        }

        // A brand or a trading name is the same word in every language.
        AddMatched(document, language, product.Brand);
        AddMatched(document, language, product.ProducerName);
    }

    private static void AddMatched(Document document, SearchLanguage language, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        text = ProductTextAnalyzer.Compose(text);
        document.Add(new Field(language.TextField, text, MatchedText));
        document.Add(new Field(language.StemField, text, MatchedText));
    }

    /// <summary>The name of the product's own category (the last on the path) per language, when the names line up with the path.</summary>
    private static IReadOnlyDictionary<string, string>? OwnCategoryName(ProductSearchDocument product) =>
        product.CategoryNames is { Count: > 0 } names && product.CategoryPath is { Count: > 0 } path
            && names.Count == path.Count && path[^1] == product.CategoryId
            ? names[^1]
            : null;

    private static long ShortestNameLength(ProductSearchDocument product)
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

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
