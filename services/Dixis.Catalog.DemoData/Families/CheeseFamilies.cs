namespace Dixis.Catalog.DemoData.Families;

/// <summary>Feta, graviera, kasseri and mizithra.</summary>
internal static class CheeseFamilies
{
    private static readonly Phrase[] Serving =
    [
        new("Διατηρείται στο ψυγείο, 2–6 °C.", "Keep refrigerated at 2–6 °C."),
        new("Βγάλτε το από το ψυγείο μισή ώρα πριν το σερβίρετε.", "Take it out of the fridge half an hour before serving."),
        new("Ταιριάζει με λευκό κρασί και φρέσκο ψωμί.", "Pairs with white wine and fresh bread."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "cheese/feta",
            SkuPrefix = "FET",
            Share = 4,
            Kinds =
            [
                new ProductKind("φέτα", "feta").WithDesignation(OriginDesignation.Pdo()),
                new ProductKind("φέτα σε άλμη", "feta in brine").WithDesignation(OriginDesignation.Pdo()),
                new ProductKind("κατσικίσια φέτα", "goat's milk feta").WithDesignation(OriginDesignation.Pdo()),
            ],
            Regions = ["epirus", "thessaly", "lesvos", "thessaloniki", "kefalonia", "mainalo"],
            Qualifiers = [new("βαρελίσια", "barrel-aged"), new("παραδοσιακή", "traditional"), new("ώριμη", "mature"), new("μαλακή", "soft"), new("πικάντικη", "tangy")],
            Sizes = PackSizes.Cheese,
            PriceFactor = 0.9,
            Openings =
            [
                new("Από πρόβειο γάλα με έως 30 % κατσικίσιο, ωριμασμένη τουλάχιστον δύο μήνες.", "From sheep's milk with up to 30 % goat's milk, matured for at least two months."),
                new("Πυκνή, λίγο πικάντικη, με τις χαρακτηριστικές μικρές τρύπες.", "Dense and a little tangy, with the typical small holes."),
                new("Ωριμάζει σε άλμη, μέσα σε ξύλινα βαρέλια.", "Matured in brine, in wooden barrels."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "cheese/graviera",
            SkuPrefix = "GRV",
            Share = 3,
            Kinds =
            [
                new ProductKind("γραβιέρα", "graviera").WithDesignation(OriginDesignation.Pdo("crete", "naxos")),
                new ProductKind("γραβιέρα πρόβεια", "sheep's milk graviera", "crete", "epirus", "lesvos"),
                new ProductKind("καπνιστή γραβιέρα", "smoked graviera", "epirus"),
            ],
            Regions = ["crete", "naxos", "epirus", "lesvos", "thessaly"],
            Qualifiers = [new("παλαιωμένη", "aged"), new("ώριμη 12 μηνών", "12-month"), new("ορεινή", "mountain")],
            Sizes = PackSizes.Cheese,
            PriceFactor = 1.3,
            Openings =
            [
                new("Σκληρό τυρί με γλυκιά, καρυδάτη γεύση που βαθαίνει με την ωρίμανση.", "A hard cheese with a sweet, nutty taste that deepens with age."),
                new("Ωριμάζει σε πέτρινες αποθήκες τουλάχιστον πέντε μήνες.", "Matured in stone cellars for at least five months."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "cheese/kasseri",
            SkuPrefix = "KAS",
            Share = 2,
            Kinds = [new ProductKind("κασέρι", "kasseri").WithDesignation(OriginDesignation.Pdo()), new("κασέρι για σαγανάκι", "kasseri for saganaki")],
            Regions = ["thessaly", "thessaloniki", "lesvos", "epirus"],
            Qualifiers = [new("παραδοσιακό", "traditional"), new("ώριμο", "mature")],
            QualifierChance = 0.35,
            Sizes = PackSizes.Cheese,
            PriceFactor = 1.05,
            Openings =
            [
                new("Ημίσκληρο τυρί νήματος από πρόβειο γάλα, με απαλή βουτυράτη γεύση.", "A semi-hard pasta filata cheese from sheep's milk, mild and buttery."),
                new("Λιώνει όμορφα: ιδανικό για σαγανάκι και τοστ.", "Melts beautifully: made for saganaki and toasties."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "cheese/mizithra",
            SkuPrefix = "MIZ",
            Share = 1,
            Kinds =
            [
                new("φρέσκια μυζήθρα", "fresh mizithra"),
                new("ξερή μυζήθρα για τρίψιμο", "dry mizithra for grating"),
                new ProductKind("ξινομυζήθρα", "xinomizithra", "crete").WithDesignation(OriginDesignation.Pdo("crete")),
            ],
            Regions = ["crete", "naxos", "lakonia", "epirus"],
            Qualifiers = [new("ανάλατη", "unsalted"), new("παραδοσιακή", "traditional")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Cheese,
            PriceFactor = 0.8,
            Openings =
            [
                new("Τυρί από τυρόγαλο πρόβειου και κατσικίσιου γάλακτος.", "A whey cheese from sheep's and goat's milk."),
                new("Η φρέσκια είναι κρεμώδης· η ξερή τρίβεται πάνω σε μακαρόνια.", "Fresh it is creamy; dried it is grated over pasta."),
            ],
            Serving = Serving,
        },
    ];
}
