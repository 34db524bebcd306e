namespace Dixis.Catalog.DemoData.Families;

/// <summary>Thyme, pine and fir honeys.</summary>
internal static class HoneyFamilies
{
    private static readonly Phrase[] Qualifiers =
    [
        new("ωμό", "raw"), new("ανεπεξέργαστο", "unprocessed"), new("κρύας εξαγωγής", "cold-extracted"),
        new("ορεινό", "mountain"), new("παραδοσιακό", "traditional"), new("φθινοπωρινό", "autumn"),
    ];

    private static readonly Phrase[] Serving =
    [
        new("Φυσική κρυστάλλωση: ζεστάνετε το βάζο σε μπεν μαρί έως 40 °C.", "It crystallises naturally: warm the jar in a water bath up to 40 °C."),
        new("Με γιαούρτι, καρύδια ή σε ζεστό τσάι του βουνού.", "With yoghurt, walnuts or in hot mountain tea."),
        new("Φυλάξτε σε δροσερό μέρος, όχι στο ψυγείο.", "Store somewhere cool, not in the fridge."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "honey/thyme-honey",
            SkuPrefix = "HTH",
            Share = 5,
            Kinds = [new("θυμαρίσιο μέλι", "thyme honey"), new("μέλι θυμαριού και ρείκι", "thyme and heather honey"), new("μέλι με κηρήθρα θυμαριού", "thyme honey with honeycomb")],
            Regions = ["crete", "kythira", "ikaria", "naxos", "chios", "rhodes", "lakonia"],
            Varieties = [new("thymus-capitatus", new("Θύμος ο κεφαλωτός", "Thymus capitatus"))],
            VarietyChance = 0.1,
            Qualifiers = Qualifiers,
            Sizes = PackSizes.HoneyJar,
            Openings =
            [
                new("Ανοιχτόχρωμο μέλι με το έντονο άρωμα του θυμαριού, από μελίσσια που μετακινούνται στα βουνά.", "A light honey with the strong scent of thyme, from hives moved across the mountains."),
                new("Τρυγιέται μία φορά τον χρόνο, στις αρχές του καλοκαιριού.", "Harvested once a year, in early summer."),
                new("Δεν θερμαίνεται και δεν φιλτράρεται, έτσι κρατά τη γύρη του.", "Neither heated nor filtered, so it keeps its pollen."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "honey/pine-honey",
            SkuPrefix = "HPN",
            Share = 3,
            Kinds = [new("πευκόμελο", "pine honey"), new("μέλι πεύκου και ανθέων", "pine and blossom honey")],
            Regions = ["thasos", "evia", "halkidiki", "rhodes", "samos", "ikaria"],
            Qualifiers = Qualifiers,
            Sizes = PackSizes.HoneyJar,
            PriceFactor = 0.8,
            Openings =
            [
                new("Σκουρόχρωμο μέλι μελιτώματος πεύκου, λιγότερο γλυκό, με γεύση ξηρών καρπών.", "A dark honeydew honey from pine, less sweet, tasting of nuts."),
                new("Κρυσταλλώνει αργά και είναι πλούσιο σε ιχνοστοιχεία.", "It crystallises slowly and is rich in minerals."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "honey/fir-honey",
            SkuPrefix = "HFR",
            Share = 2,
            Kinds =
            [
                new ProductKind("μέλι ελάτης βανίλια", "vanilla fir honey", "mainalo").WithDesignation(OriginDesignation.Pdo("mainalo")),
                new ProductKind("μέλι ελάτης", "fir honey", "mainalo", "epirus", "evia", "thessaly"),
            ],
            Regions = ["mainalo", "epirus", "evia", "thessaly"],
            Qualifiers = Qualifiers,
            Sizes = PackSizes.HoneyJar,
            PriceFactor = 1.3,
            Openings =
            [
                new("Σπάνιο μέλι ελάτης με απαλή γεύση και φεγγίσματα καραμέλας.", "A rare fir honey, mild, with hints of caramel."),
                new("Σχεδόν δεν κρυσταλλώνει, χάρη στη χαμηλή του γλυκόζη.", "It hardly crystallises, thanks to its low glucose."),
            ],
            Serving = Serving,
        },
    ];
}
