namespace Dixis.Catalog.DemoData.Families;

/// <summary>Traditional pasta and PGI legumes.</summary>
internal static class PastaLegumeFamilies
{
    private static readonly Phrase[] Serving =
    [
        new("Φυλάξτε σε δροσερό και ξηρό μέρος.", "Store in a cool, dry place."),
        new("Καλύτερο πριν από: 18 μήνες από την παραγωγή.", "Best before: 18 months from production."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "pasta-legumes/traditional-pasta",
            SkuPrefix = "PAS",
            Share = 3,
            Kinds =
            [
                new("χυλοπίτες", "hilopites egg noodles"), new("γλυκός τραχανάς", "sweet trahanas"), new("ξινός τραχανάς", "sour trahanas"),
                new("κριθαράκι", "kritharaki orzo"), new("σκιουφιχτά", "skioufichta", "crete"), new("μακαρόνια στριφτά", "twisted macaroni"),
                new("γογγύζες", "goggizes"), new("λαζάνια χωριάτικα", "village lasagne sheets"),
            ],
            Regions = ["epirus", "thessaly", "crete", "naxos", "lesvos", "thessaloniki"],
            Qualifiers = [new("χειροποίητες", "handmade"), new("με φρέσκα αυγά", "fresh egg"), new("ολικής άλεσης", "wholegrain"), new("με πρόβειο γάλα", "sheep's milk")],
            QualifierChance = 0.4,
            Sizes = PackSizes.Pasta,
            Openings =
            [
                new("Φτιαγμένα σε μικρό εργαστήριο, όπως στο χωριό.", "Made in a small workshop, the village way."),
                new("Σιμιγδάλι σκληρού σιταριού, αυγά και γάλα· τίποτε άλλο.", "Durum semolina, eggs and milk; nothing else."),
            ],
            Serving = [.. Serving, new("Βράζονται 8–10 λεπτά.", "Cook for 8–10 minutes.")],
        },
        new()
        {
            CategoryPath = "pasta-legumes/lentils",
            SkuPrefix = "LEN",
            Share = 1,
            Kinds = [new ProductKind("φακές", "lentils").WithDesignation(OriginDesignation.Pgi("lefkada")), new("φακές ψιλές", "small lentils"), new("μαυροφακή", "black lentils")],
            Regions = ["lefkada", "thessaly", "thessaloniki", "kozani"],
            Qualifiers = [new("ορεινές", "mountain"), new("νέας σοδειάς", "new crop")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Legumes,
            Openings = [new("Μικρόσπερμη φακή που βράζει γρήγορα και δεν χρειάζεται μούλιασμα.", "A small lentil that cooks quickly and needs no soaking.")],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "pasta-legumes/beans",
            SkuPrefix = "BEA",
            Share = 1,
            Kinds =
            [
                new ProductKind("γίγαντες", "gigantes beans", "kastoria", "prespes").WithDesignation(OriginDesignation.Pgi("kastoria", "prespes")),
                new ProductKind("ελέφαντες", "elefantes beans", "kastoria", "prespes").WithDesignation(OriginDesignation.Pgi("kastoria", "prespes")),
                new("φασόλια μέτρια", "medium white beans"),
                new ProductKind("φάβα", "fava split peas", "santorini").WithDesignation(OriginDesignation.Pdo("santorini")),
            ],
            Regions = ["kastoria", "prespes", "santorini", "thessaloniki", "naxos"],
            Qualifiers = [new("νέας σοδειάς", "new crop"), new("διαλεχτά", "select")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Legumes,
            PriceFactor = 1.4,
            Openings = [new("Όσπρια από ξερικά χωράφια, αλωνισμένα και καθαρισμένα στο χέρι.", "Legumes from dry-farmed fields, threshed and cleaned by hand.")],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "pasta-legumes/chickpeas",
            SkuPrefix = "CHK",
            Share = 1,
            Kinds = [new("ρεβίθια", "chickpeas"), new("ρεβίθια χονδρά", "large chickpeas"), new("ρεβίθια ψιλά", "small chickpeas")],
            Regions = ["thessaly", "crete", "naxos", "thessaloniki", "evia"],
            Qualifiers = [new("νέας σοδειάς", "new crop"), new("μαλακά", "tender")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Legumes,
            Openings = [new("Ρεβίθια που βράζουν γρήγορα και μένουν βουτυράτα, για τη ρεβιθάδα της Κυριακής.", "Chickpeas that cook quickly and stay buttery, for a Sunday revithada.")],
            Serving = Serving,
        },
    ];
}
