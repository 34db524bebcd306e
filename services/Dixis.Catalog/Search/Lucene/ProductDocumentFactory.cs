using System.Buffers.Binary;
using Google.Protobuf;
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
        var prices = product.VariantPricesMinor is { Count: > 0 } variantPrices ? variantPrices.Distinct().ToList() : [product.MinPriceMinor];
        var bytes = new byte[prices.Count * sizeof(long)];
        for (var index = 0; index < prices.Count; index++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(index * sizeof(long)), prices[index]);
        }

        document.Add(new BinaryDocValuesField(ProductFields.VariantPrices, new BytesRef(bytes)));
    }

    private static void AddTexts(Document document, ProductSearchDocument product, SearchLanguage language)
    {
        if (product.Name?.TryGetValue(language.Code, out var name) == true && !string.IsNullOrWhiteSpace(name))
        {
            name = ProductTextAnalyzer.Compose(name);
            document.Add(new Field(language.NameField, name, MatchedText));
            document.Add(new Field(language.NameStartField, name, PresenceOnlyText));
            document.Add(new Field(language.ShortTextField, name, MatchedText));

            // The name's stems count several times: BM25 then weighs a word of the name above the same word in a
            // description, without a separate name clause in every query (one postings list per word instead of two).
            for (var repeat = 0; repeat < NameWeight; repeat++)
            {
                document.Add(new Field(language.StemField, name, MatchedText));
            }
        }

        if (product.Description?.TryGetValue(language.Code, out var description) == true && !string.IsNullOrWhiteSpace(description))
        {
            document.Add(new Field(language.StemField, ProductTextAnalyzer.Compose(description), MatchedText));
        }

        foreach (var attribute in product.Attributes ?? [])
        {
            if (attribute.Label?.TryGetValue(language.Code, out var label) == true)
            {
                AddShort(document, language, label);
            }
        }

        foreach (var categoryName in product.CategoryNames ?? [])
        {
            if (categoryName?.TryGetValue(language.Code, out var text) == true)
            {
                AddShort(document, language, text);
            }
        }

        // A brand or a trading name is the same word in every language.
        AddShort(document, language, product.Brand);
        AddShort(document, language, product.ProducerName);
    }

    /// <summary>A short text is matched by its stems like every text, and also kept folded for typos.</summary>
    private static void AddShort(Document document, SearchLanguage language, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        text = ProductTextAnalyzer.Compose(text);
        document.Add(new Field(language.ShortTextField, text, MatchedText));
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
