namespace Dixis.Catalog.DemoData.Families;

/// <summary>Spoon sweets, jams and pasteli.</summary>
internal static class SweetFamilies
{
    private static readonly Phrase[] Serving =
    [
        new("Μετά το άνοιγμα, φυλάξτε στο ψυγείο.", "Refrigerate after opening."),
        new("Με γιαούρτι, παγωτό ή ένα ποτήρι κρύο νερό, όπως το κερνούσαν οι γιαγιάδες.", "With yoghurt, ice cream or a glass of cold water, as grandmothers served it."),
    ];

    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        new()
        {
            CategoryPath = "sweets-preserves/spoon-sweets",
            SkuPrefix = "SPS",
            Share = 2,
            Kinds =
            [
                new("γλυκό του κουταλιού βύσσινο", "sour cherry spoon sweet"), new("γλυκό του κουταλιού σύκο", "fig spoon sweet"),
                new("γλυκό του κουταλιού κυδώνι", "quince spoon sweet"), new("γλυκό του κουταλιού νεράντζι", "bitter orange spoon sweet"),
                new("γλυκό του κουταλιού καρυδάκι", "green walnut spoon sweet"), new("γλυκό του κουταλιού κουμκουάτ", "kumquat spoon sweet", "corfu"),
                new("γλυκό του κουταλιού περγαμόντο", "bergamot spoon sweet"), new("γλυκό του κουταλιού μαστίχα", "mastiha spoon sweet", "chios"),
            ],
            Regions = ["corfu", "chios", "thessaloniki", "naxos", "aegina", "crete", "epirus"],
            Qualifiers = [new("σπιτικό", "homemade"), new("με λιγότερη ζάχαρη", "reduced sugar"), new("παραδοσιακό", "traditional")],
            QualifierChance = 0.4,
            Sizes = PackSizes.SweetJar,
            Openings =
            [
                new("Ολόκληρα φρούτα σιγοβρασμένα σε σιρόπι, σε μικρές κατσαρόλες.", "Whole fruit slowly simmered in syrup, in small pans."),
                new("Χωρίς συντηρητικά και χρωστικές.", "No preservatives, no colourings."),
            ],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "sweets-preserves/jams",
            SkuPrefix = "JAM",
            Share = 2,
            Kinds =
            [
                new("μαρμελάδα βερίκοκο", "apricot jam"), new("μαρμελάδα σύκο", "fig jam"), new("μαρμελάδα φράουλα", "strawberry jam"),
                new("μαρμελάδα πορτοκάλι", "orange marmalade"), new("μαρμελάδα βύσσινο", "sour cherry jam"), new("μαρμελάδα κουμκουάτ", "kumquat marmalade", "corfu"),
            ],
            Regions = ["corfu", "thessaloniki", "naxos", "crete", "epirus", "attica"],
            Qualifiers = [new("σπιτική", "homemade"), new("χωρίς ζάχαρη", "no added sugar"), new("με κομμάτια φρούτου", "chunky")],
            QualifierChance = 0.45,
            Sizes = PackSizes.SweetJar,
            Openings = [new("Με 70 % φρούτο, δεμένη μόνο με τη φυσική του πηκτίνη.", "70 % fruit, set only with its own pectin.")],
            Serving = Serving,
        },
        new()
        {
            CategoryPath = "sweets-preserves/pasteli",
            SkuPrefix = "PST",
            Share = 1,
            Kinds =
            [
                new("παστέλι με σουσάμι και μέλι", "sesame and honey pasteli"),
                new("παστέλι με αμύγδαλο", "almond pasteli"),
                new ProductKind("παστέλι με φιστίκι Αιγίνης", "Aegina pistachio pasteli", "aegina").WithDesignation(OriginDesignation.Pdo("aegina")),
                new("παστέλι με καρύδι", "walnut pasteli"),
            ],
            Regions = ["aegina", "chios", "crete", "thessaloniki", "naxos"],
            Qualifiers = [new("τραγανό", "crunchy"), new("παραδοσιακό", "traditional")],
            QualifierChance = 0.3,
            Sizes = PackSizes.Pasteli,
            Openings = [new("Σουσάμι και ελληνικό μέλι, ψημένα μαζί και κομμένα σε μπάρες.", "Sesame and Greek honey, cooked together and cut into bars.")],
            Serving = [new("Φυλάξτε σε δροσερό μέρος.", "Store somewhere cool."), new("Ενέργεια για το βουνό ή το σχολείο.", "Energy for the mountain or the school bag.")],
        },
    ];
}
