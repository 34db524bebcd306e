using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData.Families;

/// <summary>Red, white and rosé wines by grape and place, and tsipouro, ouzo, tsikoudia and mastiha: all at the standard VAT rate.</summary>
internal static class WineFamilies
{
    private static readonly Phrase[] WineQualifiers =
    [
        new("Παλαιωμένο σε βαρέλι", "Barrel-aged"), new("Ορεινός Αμπελώνας", "Mountain Vineyard"), new("Επιλογή Οινοποιού", "Winemaker's Selection"),
        new("Παλαιά Κλήματα", "Old Vines"), new("Ξηρό", "Dry"), new("Φυσικό", "Natural"),
    ];

    private static readonly Phrase[] WineServing =
    [
        new("Σερβίρετε στους 16–18 °C.", "Serve at 16–18 °C."),
        new("Σερβίρετε δροσερό, στους 10–12 °C.", "Serve chilled, at 10–12 °C."),
        new("Ταιριάζει με ψητά κρέατα και ώριμα τυριά.", "Pairs with grilled meat and aged cheese."),
        new("Ταιριάζει με θαλασσινά και φρέσκα τυριά.", "Pairs with seafood and fresh cheese."),
        new("Περιέχει θειώδη.", "Contains sulphites."),
    ];

    private static readonly Phrase[] WineOpenings =
    [
        new("Ελληνική ποικιλία από μικρό αμπελώνα, τρυγημένη με το χέρι.", "A Greek grape from a small vineyard, picked by hand."),
        new("Χαμηλές αποδόσεις και οινοποίηση σε μικρές παρτίδες.", "Low yields and winemaking in small batches."),
        new("Ζωηρή οξύτητα και καθαρά αρώματα φρούτων.", "Lively acidity and clean fruit aromas."),
        new("Από αμπέλια άνω των τριάντα ετών, σε ασβεστολιθικά εδάφη.", "From vines over thirty years old on limestone soils."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        Wine(
            "wine/red-wine",
            "WRD",
            share: 5,
            new ProductKind("ερυθρός οίνος", "red wine").WithDesignation(OriginDesignation.Pdo("nemea", "naoussa", "amyntaio")),
            ["nemea", "naoussa", "amyntaio", "crete", "attica", "mantinia", "kefalonia", "santorini", "thessaloniki"],
            [
                new("agiorgitiko", new("Αγιωργίτικο", "Agiorgitiko"), "nemea", "mantinia", "attica"),
                new("xinomavro", new("Ξινόμαυρο", "Xinomavro"), "naoussa", "amyntaio", "thessaloniki"),
                new("mandilaria", new("Μανδηλαριά", "Mandilaria"), "santorini", "crete"),
                new("liatiko", new("Λιάτικο", "Liatiko"), "crete"),
                new("kotsifali", new("Κοτσιφάλι", "Kotsifali"), "crete"),
                new("mavrodaphne", new("Μαυροδάφνη", "Mavrodaphne"), "kefalonia"),
                new("limnio", new("Λημνιό", "Limnio"), "thessaloniki"),
                new("mavroudi", new("Μαυρούδι", "Mavroudi"), "attica", "nemea"),
            ]),
        Wine(
            "wine/white-wine",
            "WWH",
            share: 5,
            new ProductKind("λευκός οίνος", "white wine").WithDesignation(OriginDesignation.Pdo("santorini", "mantinia", "kefalonia")),
            ["santorini", "mantinia", "kefalonia", "attica", "crete", "naoussa", "amyntaio", "thessaloniki", "nemea"],
            [
                new("assyrtiko", new("Ασύρτικο", "Assyrtiko"), "santorini", "crete", "thessaloniki", "attica"),
                new("moschofilero", new("Μοσχοφίλερο", "Moschofilero"), "mantinia"),
                new("malagousia", new("Μαλαγουζιά", "Malagousia"), "thessaloniki", "attica", "amyntaio"),
                new("robola", new("Ρομπόλα", "Robola"), "kefalonia"),
                new("vidiano", new("Βιδιανό", "Vidiano"), "crete"),
                new("savatiano", new("Σαββατιανό", "Savatiano"), "attica"),
                new("roditis", new("Ροδίτης", "Roditis"), "nemea", "mantinia"),
                new("athiri", new("Αθήρι", "Athiri"), "santorini"),
            ]) with { QualifierChance = 0.3 },
        Wine(
            "wine/rose-wine",
            "WRS",
            share: 2,
            new ProductKind("ροζέ οίνος", "rosé wine").WithDesignation(OriginDesignation.Pdo("amyntaio")),
            ["amyntaio", "nemea", "mantinia", "attica", "naoussa"],
            [
                new("xinomavro", new("Ξινόμαυρο Ροζέ", "Xinomavro Rosé"), "amyntaio", "naoussa"),
                new("agiorgitiko", new("Αγιωργίτικο Ροζέ", "Agiorgitiko Rosé"), "nemea", "attica"),
                new("moschofilero", new("Μοσχοφίλερο Ροζέ", "Moschofilero Rosé"), "mantinia"),
            ]) with
        {
            Qualifiers = [new("Ξηρό", "Dry"), new("Ημίξηρο", "Off-dry"), new("Αφρώδες", "Sparkling")],
            QualifierChance = 0.4,
            OrganicChance = 0.15,
        },
        new()
        {
            CategoryPath = "wine/tsipouro-ouzo",
            SkuPrefix = "SPR",
            Share = 3,
            TaxClass = TaxClass.Standard,
            Kinds =
            [
                new ProductKind("ούζο", "ouzo", "lesvos").WithDesignation(OriginDesignation.Pgi("lesvos")),
                new ProductKind("τσίπουρο χωρίς γλυκάνισο", "tsipouro without anise", "tyrnavos", "epirus", "thessaly").WithDesignation(OriginDesignation.Pgi("tyrnavos")),
                new ProductKind("τσίπουρο με γλυκάνισο", "tsipouro with anise", "tyrnavos", "thessaly").WithDesignation(OriginDesignation.Pgi("tyrnavos")),
                new("τσικουδιά", "tsikoudia", "crete"),
                new ProductKind("λικέρ μαστίχας", "mastiha liqueur", "chios").WithDesignation(OriginDesignation.Pdo("chios")),
            ],
            Regions = ["lesvos", "tyrnavos", "crete", "chios", "epirus", "thessaly"],
            Qualifiers = [new("παλαιωμένο", "aged"), new("διπλής απόσταξης", "double-distilled"), new("παραδοσιακό", "traditional")],
            QualifierChance = 0.35,
            Sizes = PackSizes.Spirits,
            OrganicChance = 0.05,
            Openings =
            [
                new("Αποσταγμένο αργά σε χάλκινο άμβυκα, σε μικρές παρτίδες.", "Slowly distilled in a copper still, in small batches."),
                new("Από στέμφυλα ντόπιων σταφυλιών, χωρίς πρόσθετη ζάχαρη.", "From the pomace of local grapes, with no added sugar."),
                new("Καθαρό άρωμα και στρογγυλή, ζεστή επίγευση.", "A clean nose and a round, warm finish."),
            ],
            Serving =
            [
                new("Σερβίρετε παγωμένο, με μεζέδες.", "Serve ice-cold, with meze."),
                new("Με νερό και πάγο θολώνει: είναι φυσικό.", "It turns cloudy with water and ice: that is natural."),
                new("Αλκοόλ 38–42 % vol. Πίνετε υπεύθυνα.", "38–42 % vol. Please drink responsibly."),
            ],
        },
    ];

    /// <summary>A still wine family: grape named on every label, vintage, standard VAT, the bottle sizes.</summary>
    private static ProductFamily Wine(string categoryPath, string skuPrefix, int share, ProductKind kind, string[] regions, ProductVariety[] grapes) => new()
    {
        CategoryPath = categoryPath,
        SkuPrefix = skuPrefix,
        Share = share,
        TaxClass = TaxClass.Standard,
        NameStyle = NameStyle.Wine,
        Kinds = [kind],
        Regions = regions,
        Varieties = grapes,
        Qualifiers = WineQualifiers,
        QualifierChance = 0.35,
        Sizes = PackSizes.Wine,
        HasVintage = true,
        OrganicChance = 0.1,
        Openings = WineOpenings,
        Serving = WineServing,
    };
}
