using Dixis.Catalog.Search;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.Tests.Search;

/// <summary>A small Greek marketplace: oils, honey, cheese, olives, herbs and wine from a handful of producers.</summary>
public static class SampleCatalog
{
    public static readonly Category Food = new("food", "Τρόφιμα", "Food", Parent: null);
    public static readonly Category Oils = new("oils", "Λάδια", "Oils", Food);
    public static readonly Category OliveOil = new("olive-oil", "Ελαιόλαδο", "Olive oil", Oils);
    public static readonly Category Honey = new("honey", "Μέλι", "Honey", Food);
    public static readonly Category Cheese = new("cheese", "Τυριά", "Cheese", Food);
    public static readonly Category Olives = new("olives", "Ελιές", "Olives", Food);
    public static readonly Category Herbs = new("herbs", "Βότανα και μπαχαρικά", "Herbs and spices", Food);
    public static readonly Category Drinks = new("drinks", "Ποτά", "Drinks", Parent: null);
    public static readonly Category Wine = new("wine", "Κρασί", "Wine", Drinks);

    public static readonly Producer CretanGrove = new("prd-crete", "Κρητικός Ελαιώνας");
    public static readonly Producer LaconianOils = new("prd-laconia", "Λακωνικά Λάδια");
    public static readonly Producer TaygetosBees = new("prd-taygetos", "Μελισσοκομία Ταϋγέτου");
    public static readonly Producer EpirusDairy = new("prd-epirus", "Τυροκομείο Ηπείρου");
    public static readonly Producer KalamataGroves = new("prd-kalamata", "Kalamata Groves");
    public static readonly Producer SantoWines = new("prd-santo", "Santo Wines");

    public static readonly SearchAttribute Crete = Attribute("origin_region", "crete", "Κρήτη", "Crete");
    public static readonly SearchAttribute Peloponnese = Attribute("origin_region", "peloponnese", "Πελοπόννησος", "Peloponnese");
    public static readonly SearchAttribute Epirus = Attribute("origin_region", "epirus", "Ήπειρος", "Epirus");
    public static readonly SearchAttribute Santorini = Attribute("origin_region", "santorini", "Σαντορίνη", "Santorini");
    public static readonly SearchAttribute Organic = Attribute("organic", "true", "Βιολογικό", "Organic");
    public static readonly SearchAttribute Pdo = Attribute("pdo", "true", "ΠΟΠ", "PDO");

    public static readonly ProductSearchDocument CretanOliveOil = Product(
        "p-oil-crete", "Εξαιρετικό παρθένο ελαιόλαδο Κρήτης", "Cretan extra virgin olive oil", OliveOil, CretanGrove,
        [1250, 2200], publishedDay: 1, attributes: [Crete, Organic],
        descriptionEl: "Ψυχρής έκθλιψης από ελιές Κορωνέικη.", descriptionEn: "Cold pressed from Koroneiki olives.");

    public static readonly ProductSearchDocument LaconianOliveOil = Product(
        "p-oil-laconia", "Βιολογικό ελαιόλαδο Λακωνίας", "Organic olive oil from Laconia", OliveOil, LaconianOils,
        [1500, 2700], publishedDay: 2, attributes: [Peloponnese, Organic], inStock: false);

    public static readonly ProductSearchDocument ThymeHoney = Product(
        "p-honey-thyme", "Θυμαρίσιο μέλι", "Thyme honey", Honey, TaygetosBees,
        [950], publishedDay: 3, attributes: [Peloponnese]);

    public static readonly ProductSearchDocument PineHoney = Product(
        "p-honey-pine", "Πευκόμελο", "Pine honey", Honey, TaygetosBees,
        [800, 1400], publishedDay: 4, attributes: [Peloponnese]);

    public static readonly ProductSearchDocument EpirusFeta = Product(
        "p-feta", "Φέτα ΠΟΠ Ηπείρου", "Feta PDO from Epirus", Cheese, EpirusDairy,
        [690], publishedDay: 5, attributes: [Epirus, Pdo], brand: "Dodoni");

    public static readonly ProductSearchDocument KalamataOlives = Product(
        "p-olives-kalamata", "Ελιές Καλαμάτας", "Kalamata olives", Olives, KalamataGroves,
        [450, 800], publishedDay: 6, attributes: [Peloponnese, Pdo]);

    public static readonly ProductSearchDocument OlivePaste = Product(
        "p-olive-paste", "Πάστα ελιάς με ρίγανη", "Olive paste with oregano", Olives, KalamataGroves,
        [520], publishedDay: 7, attributes: [Peloponnese]);

    public static readonly ProductSearchDocument DriedThyme = Product(
        "p-thyme", "Θυμάρι αποξηραμένο", "Dried thyme", Herbs, CretanGrove,
        [350], publishedDay: 8, attributes: [Crete]);

    public static readonly ProductSearchDocument SaltAndPepper = Product(
        "p-salt-pepper", "Αλάτι και πιπέρι", "Salt and pepper blend", Herbs, CretanGrove,
        [420], publishedDay: 9, attributes: [Crete]);

    public static readonly ProductSearchDocument Assyrtiko = Product(
        "p-wine-assyrtiko", "Ασύρτικο Σαντορίνης", "Assyrtiko from Santorini", Wine, SantoWines,
        [1800], publishedDay: 10, attributes: [Santorini, Pdo]);

    public static readonly ProductSearchDocument RoseWine = Product(
        "p-wine-rose", "Ροζέ κρασί Αγιωργίτικο", "Agiorgitiko Rosé wine", Wine, SantoWines,
        [1100], publishedDay: 11, attributes: [Peloponnese]);

    public static IReadOnlyList<ProductSearchDocument> All { get; } =
    [
        CretanOliveOil, LaconianOliveOil, ThymeHoney, PineHoney, EpirusFeta, KalamataOlives,
        OlivePaste, DriedThyme, SaltAndPepper, Assyrtiko, RoseWine,
    ];

    public static SearchAttribute Attribute(string key, string value, string el, string en) =>
        new(key, value, new Dictionary<string, string> { ["el"] = el, ["en"] = en });

    public static ProductSearchDocument Product(
        string id,
        string? nameEl,
        string? nameEn,
        Category category,
        Producer producer,
        IReadOnlyList<long> prices,
        int publishedDay,
        IReadOnlyList<SearchAttribute>? attributes = null,
        bool inStock = true,
        string? brand = null,
        string? descriptionEl = null,
        string? descriptionEn = null)
    {
        var names = Texts(nameEl, nameEn);
        var path = category.Path();
        var summary = new ProductSummary
        {
            ProductId = id,
            Slug = id.Replace("p-", string.Empty, StringComparison.Ordinal),
            Name = new LocalizedText { Values = { names } },
            ProducerId = producer.Id,
            ProducerName = producer.Name,
            CategoryId = category.Id,
            MinPrice = new Money { CurrencyCode = "EUR", AmountMinor = prices.Min() },
            MaxPrice = new Money { CurrencyCode = "EUR", AmountMinor = prices.Max() },
            InStock = inStock,
        };

        return new ProductSearchDocument(
            id,
            names,
            Texts(descriptionEl, descriptionEn),
            brand,
            producer.Id,
            producer.Name,
            category.Id,
            path.Select(node => node.Id).ToList(),
            path.Select(node => (IReadOnlyDictionary<string, string>)Texts(node.NameEl, node.NameEn)).ToList(),
            attributes ?? [],
            prices,
            prices.Min(),
            inStock,
            new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(publishedDay).ToUnixTimeMilliseconds(),
            summary);
    }

    private static Dictionary<string, string> Texts(string? el, string? en)
    {
        var texts = new Dictionary<string, string>();
        if (el is not null)
        {
            texts["el"] = el;
        }

        if (en is not null)
        {
            texts["en"] = en;
        }

        return texts;
    }

    public sealed record Category(string Id, string NameEl, string NameEn, Category? Parent)
    {
        public IReadOnlyList<Category> Path() => Parent is null ? [this] : [.. Parent.Path(), this];
    }

    public sealed record Producer(string Id, string Name);
}
