namespace Dixis.Catalog.DemoData.Families;

/// <summary>Oregano, mountain tea and Krokos Kozanis saffron.</summary>
internal static class HerbFamilies
{
    private static readonly Phrase[] Serving =
    [
        new("Φυλάξτε σε δροσερό και ξηρό μέρος, μακριά από το φως.", "Store in a cool, dry place away from light."),
        new("Κλείστε καλά τη συσκευασία μετά τη χρήση.", "Close the pack tightly after use."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "herbs-spices/oregano",
            SkuPrefix = "ORG",
            Share = 2,
            Kinds = [new("ρίγανη", "oregano"), new("ρίγανη σε ματσάκι", "oregano bunch"), new("θρούμπι", "savory"), new("θυμάρι", "thyme")],
            Regions = ["crete", "lakonia", "ikaria", "thessaly", "epirus", "naxos"],
            Qualifiers = [new("άγρια", "wild"), new("χειροποίητη", "hand-picked"), new("ορεινή", "mountain")],
            Sizes = PackSizes.Herbs,
            OrganicChance = 0.3,
            Openings =
            [
                new("Μαζεμένη με το χέρι στην ανθοφορία και αποξηραμένη στη σκιά.", "Picked by hand in flower and dried in the shade."),
                new("Έντονο άρωμα χάρη στα άγονα, πετρώδη εδάφη.", "An intense aroma from poor, stony soils."),
            ],
            Serving = [.. Serving, new("Σε σαλάτα, φέτα και ψητά.", "On salads, feta and grilled meat.")],
        },
        new()
        {
            CategoryPath = "herbs-spices/mountain-tea",
            SkuPrefix = "TEA",
            Share = 2,
            Kinds = [new("τσάι του βουνού", "mountain tea"), new("σιδερίτης", "sideritis"), new("μαλοτήρα", "malotira", "crete"), new("μελισσόχορτο", "lemon balm")],
            Regions = ["thessaly", "epirus", "crete", "lakonia", "mainalo", "ikaria"],
            Qualifiers = [new("άγριο", "wild"), new("ορεινό", "mountain"), new("καλλιεργημένο", "cultivated")],
            Sizes = PackSizes.Herbs,
            OrganicChance = 0.35,
            Openings =
            [
                new("Ολόκληρα κλωνάρια με τα άνθη, όπως τα μάζευαν οι βοσκοί.", "Whole sprigs with their flowers, as shepherds gathered them."),
                new("Ζεστό ρόφημα με άρωμα λεμονιού και μελιού.", "A warming infusion scented of lemon and honey."),
            ],
            Serving = [.. Serving, new("Βράστε 5 λεπτά και γλυκάνετε με μέλι.", "Simmer for 5 minutes and sweeten with honey.")],
        },
        new()
        {
            CategoryPath = "herbs-spices/saffron",
            SkuPrefix = "SAF",
            Share = 1,
            Kinds = [new ProductKind("κρόκος", "saffron", "kozani").WithDesignation(OriginDesignation.Pdo("kozani")), new("κρόκος σε στήμονες", "saffron threads", "kozani")],
            Regions = ["kozani"],
            Qualifiers = [new("εκλεκτός", "select"), new("νέας σοδειάς", "new harvest")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Saffron,
            Openings =
            [
                new("Στίγματα του Crocus sativus, μαζεμένα ένα ένα τα ξημερώματα του Οκτωβρίου.", "Stigmas of Crocus sativus, picked one by one at dawn in October."),
                new("Ένα γραμμάριο χρειάζεται περίπου 150 λουλούδια.", "One gram takes about 150 flowers."),
            ],
            Serving = [.. Serving, new("Μουλιάστε σε ζεστό νερό πριν τον προσθέσετε σε ρύζι ή γλυκά.", "Steep in warm water before adding to rice or sweets.")],
        },
    ];
}
