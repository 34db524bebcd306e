namespace Dixis.Catalog.DemoData.Families;

/// <summary>Extra virgin, organic and flavoured olive oils by region and cultivar.</summary>
internal static class OliveOilFamilies
{
    private static readonly string[] Regions = ["crete", "messinia", "lakonia", "lesvos", "halkidiki", "attica", "kefalonia", "corfu"];

    private static readonly ProductVariety[] Cultivars =
    [
        new("koroneiki", new("Κορωνέικη", "Koroneiki"), "crete", "messinia", "lakonia", "attica"),
        new("athinolia", new("Αθηνολιά", "Athinolia"), "lakonia"),
        new("kolovi", new("Κολοβή", "Kolovi"), "lesvos"),
        new("adramytiani", new("Αδραμυτιανή", "Adramytiani"), "lesvos"),
        new("halkidikis", new("Χαλκιδικής", "Halkidiki"), "halkidiki"),
        new("tsounati", new("Τσουνάτη", "Tsounati"), "crete"),
        new("lianolia", new("Λιανολιά Κερκύρας", "Lianolia Kerkyras"), "corfu"),
        new("koutsourelia", new("Κουτσουρελιά", "Koutsourelia"), "kefalonia", "messinia"),
    ];

    private static readonly OriginDesignation[] OilDesignations =
    [
        OriginDesignation.Pdo("messinia", "crete"),
        OriginDesignation.Pgi("lakonia", "lesvos", "kefalonia", "corfu"),
    ];

    private static readonly Phrase[] Serving =
    [
        new("Φυλάξτε το μακριά από φως και θερμότητα.", "Keep away from light and heat."),
        new("Ιδανικό ωμό σε σαλάτες, όσπρια και ψητά λαχανικά.", "Best raw on salads, legumes and roasted vegetables."),
        new("Ταιριάζει σε ντάκο, φρέσκο ψωμί και ντομάτα.", "Try it on dakos, fresh bread and tomato."),
        new("Καταναλώστε το μέσα σε 18 μήνες από την εμφιάλωση.", "Enjoy within 18 months of bottling."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "olive-oil/extra-virgin-olive-oil",
            SkuPrefix = "OIL",
            Share = 9,
            Kinds =
            [
                new ProductKind("εξαιρετικό παρθένο ελαιόλαδο", "extra virgin olive oil") with { Designations = OilDesignations },
                new ProductKind("αγουρέλαιο", "agourelaio early harvest olive oil") with { Designations = OilDesignations },
                new ProductKind("ελαιόλαδο ψυχρής έκθλιψης", "cold-extracted olive oil"),
            ],
            Regions = Regions,
            Varieties = Cultivars,
            VarietyChance = 0.7,
            Qualifiers =
            [
                new("πρώιμης συγκομιδής", "early harvest"), new("αφιλτράριστο", "unfiltered"), new("μονοποικιλιακό", "single-variety"),
                new("οικογενειακό", "family estate"), new("παραδοσιακό", "traditional"), new("χαμηλής οξύτητας", "low acidity"),
                new("εκλεκτό", "select"), new("νέας σοδειάς", "new harvest"),
            ],
            Sizes = PackSizes.OliveOil,
            Openings =
            [
                new("Ελαιόλαδο από ελιές που μαζεύτηκαν με το χέρι και έγιναν λάδι μέσα σε λίγες ώρες.", "Oil from olives picked by hand and milled within hours."),
                new("Πράσινο, φρουτώδες, με πικάντικη επίγευση που θυμίζει φρέσκο χορτάρι.", "Green and fruity, with a peppery finish of fresh-cut grass."),
                new("Οξύτητα κάτω από 0,3 %, από αιωνόβιους ελαιώνες χωρίς ποτίσματα.", "Acidity below 0.3 %, from unirrigated centuries-old groves."),
                new("Ψυχρή έκθλιψη κάτω από 27 °C, για να μείνουν τα αρώματα και οι πολυφαινόλες.", "Cold extracted below 27 °C to keep its aromas and polyphenols."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "olive-oil/organic-olive-oil",
            SkuPrefix = "OOR",
            Share = 4,
            Kinds =
            [
                new ProductKind("βιολογικό εξαιρετικό παρθένο ελαιόλαδο", "organic extra virgin olive oil") with { Designations = OilDesignations },
                new ProductKind("βιολογικό αγουρέλαιο", "organic early harvest olive oil"),
            ],
            Regions = Regions,
            Varieties = Cultivars,
            VarietyChance = 0.6,
            Qualifiers = [new("πιστοποιημένο", "certified"), new("αφιλτράριστο", "unfiltered"), new("μονοποικιλιακό", "single-variety")],
            QualifierChance = 0.35,
            Sizes = PackSizes.OliveOil,
            PriceFactor = 1.15,
            OrganicChance = 1,
            Openings =
            [
                new("Από πιστοποιημένους βιολογικούς ελαιώνες, χωρίς χημικά λιπάσματα και φυτοφάρμακα.", "From certified organic groves, without chemical fertilisers or pesticides."),
                new("Οι ελαιώνες καλλιεργούνται βιολογικά εδώ και πάνω από δέκα χρόνια.", "The groves have been farmed organically for more than ten years."),
                new("Βιολογικό λάδι με έντονο άρωμα πράσινης ελιάς και ντομάτας.", "Organic oil with a strong scent of green olive and tomato leaf."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "olive-oil/flavoured-olive-oil",
            SkuPrefix = "OFL",
            Share = 2,
            Kinds =
            [
                new("ελαιόλαδο με λεμόνι", "olive oil with lemon"),
                new("ελαιόλαδο με ρίγανη", "olive oil with oregano"),
                new("ελαιόλαδο με σκόρδο", "olive oil with garlic"),
                new("ελαιόλαδο με καυτερή πιπεριά", "olive oil with chilli"),
                new("ελαιόλαδο με δεντρολίβανο", "olive oil with rosemary"),
                new("ελαιόλαδο με πορτοκάλι", "olive oil with orange"),
                new("ελαιόλαδο με τρούφα", "olive oil with truffle"),
            ],
            Regions = Regions,
            Varieties = Cultivars,
            VarietyChance = 0.2,
            Qualifiers = [new("αρωματικό", "aromatic"), new("χειροποίητο", "handmade")],
            QualifierChance = 0.3,
            Sizes = PackSizes.InfusedOil,
            Openings =
            [
                new("Εξαιρετικό παρθένο ελαιόλαδο αρωματισμένο με φυσικά υλικά, χωρίς τεχνητά αρώματα.", "Extra virgin olive oil flavoured with natural ingredients, no artificial aromas."),
                new("Τα μυρωδικά μένουν στο λάδι αρκετές εβδομάδες πριν το φιλτράρισμα.", "The flavourings steep in the oil for weeks before it is filtered."),
            ],
            Serving =
            [
                new("Για μαρινάδες, ψητά ψάρια και μακαρονάδες.", "For marinades, grilled fish and pasta."),
                new("Λίγες σταγόνες αρκούν πάνω σε ψητά λαχανικά.", "A few drops lift roasted vegetables."),
            ],
        },
    ];
}
