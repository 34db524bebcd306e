namespace Dixis.Catalog.DemoData.Families;

/// <summary>Kalamata and green table olives, and olive spreads.</summary>
internal static class OliveFamilies
{
    private static readonly Phrase[] Serving =
    [
        new("Μετά το άνοιγμα, φυλάξτε στο ψυγείο σκεπασμένες με το υγρό τους.", "Once opened, keep refrigerated and covered in their liquid."),
        new("Για μεζέ με τσίπουρο ή σε χωριάτικη σαλάτα.", "As meze with tsipouro or in a village salad."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "olives/kalamata-olives",
            SkuPrefix = "OKL",
            Share = 3,
            Kinds =
            [
                new ProductKind("ελιές Καλαμών", "Kalamata olives", "messinia", "lakonia").WithDesignation(OriginDesignation.Pdo("messinia")),
                new("ελιές Καλαμών σε ελαιόλαδο", "Kalamata olives in olive oil", "messinia", "lakonia"),
                new("ελιές Καλαμών χαρακτές", "slit Kalamata olives", "messinia", "lakonia"),
                new("ελιές Καλαμών σε κρασόξιδο", "Kalamata olives in wine vinegar", "messinia", "lakonia", "crete"),
            ],
            Regions = ["messinia", "lakonia", "crete"],
            Qualifiers = [new("jumbo", "jumbo"), new("εκλεκτές", "select"), new("χειροδιαλεγμένες", "hand-sorted"), new("χωρίς κουκούτσι", "pitted")],
            Sizes = PackSizes.Olives,
            Openings =
            [
                new("Μαύρες, αμυγδαλόσχημες ελιές, ωριμασμένες φυσικά σε άλμη.", "Black, almond-shaped olives, cured naturally in brine."),
                new("Σαρκώδεις, με βαθιά, κρασάτη γεύση.", "Fleshy, with a deep, winey taste."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "olives/green-olives",
            SkuPrefix = "OGR",
            Share = 2,
            Kinds =
            [
                new("πράσινες ελιές Χαλκιδικής", "green Halkidiki olives", "halkidiki"),
                new("ελιές γεμιστές με αμύγδαλο", "olives stuffed with almond"),
                new("ελιές γεμιστές με σκόρδο", "olives stuffed with garlic"),
                new("ελιές γεμιστές με πιπεριά", "olives stuffed with pepper"),
                new("ελιές Άμφισσας", "Amfissa olives", "amfissa"),
                new("τσακιστές ελιές", "cracked green olives"),
            ],
            Regions = ["halkidiki", "amfissa", "lesvos", "crete", "messinia"],
            Qualifiers = [new("μεγάλες", "large"), new("χειροποίητες", "handmade"), new("με μυρωδικά", "herbed")],
            Sizes = PackSizes.Olives,
            Openings =
            [
                new("Τραγανές ελιές, μαζεμένες πράσινες στις αρχές του φθινοπώρου.", "Crunchy olives, picked green in early autumn."),
                new("Ξεπικραμένες σε νερό και ωριμασμένες σε άλμη με λεμόνι.", "Debittered in water and cured in brine with lemon."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "olives/olive-paste",
            SkuPrefix = "OPS",
            Share = 1,
            Kinds = [new("πάστα ελιάς Καλαμών", "Kalamata olive paste"), new("πάστα πράσινης ελιάς", "green olive paste"), new("πάστα ελιάς με μυρωδικά", "olive paste with herbs")],
            Regions = ["messinia", "lakonia", "crete", "halkidiki", "amfissa"],
            Qualifiers = [new("χειροποίητη", "handmade"), new("παραδοσιακή", "traditional")],
            QualifierChance = 0.35,
            Sizes = PackSizes.Spread,
            Openings = [new("Ελιές χτυπημένες με ελαιόλαδο, ξύδι και ρίγανη.", "Olives blended with olive oil, vinegar and oregano.")],
            Serving = [new("Σε φρυγανισμένο ψωμί ή σε μακαρονάδα.", "On toast or stirred through pasta."), .. Serving[..1]],
        },
    ];
}
