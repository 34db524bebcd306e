namespace Dixis.Catalog.DemoData;

/// <summary>A Greek food market's category tree, in Greek and English, for local runs and demos.</summary>
public static class DemoCategoryTree
{
    public static IReadOnlyList<DemoCategory> Roots { get; } =
    [
        new("olive-oil", "Ελαιόλαδο", "Olive oil",
            "Ελαιόλαδο από μικρούς παραγωγούς της Κρήτης, της Πελοποννήσου και της Λέσβου.",
            "Olive oil from small producers in Crete, the Peloponnese and Lesvos.",
            [
                new("extra-virgin-olive-oil", "Εξαιρετικό παρθένο ελαιόλαδο", "Extra virgin olive oil"),
                new("organic-olive-oil", "Βιολογικό ελαιόλαδο", "Organic olive oil"),
                new("flavoured-olive-oil", "Αρωματισμένο ελαιόλαδο", "Flavoured olive oil"),
            ]),
        new("honey", "Μέλι", "Honey",
            "Ελληνικό μέλι από θυμάρι, πεύκο, έλατο και ανθόμελο.",
            "Greek honey from thyme, pine, fir and wild flowers.",
            [
                new("thyme-honey", "Θυμαρίσιο μέλι", "Thyme honey"),
                new("pine-honey", "Πευκόμελο", "Pine honey"),
                new("fir-honey", "Μέλι ελάτης", "Fir honey"),
            ]),
        new("cheese", "Τυριά", "Cheese",
            "Τυριά ΠΟΠ και παραδοσιακά τυριά από όλη την Ελλάδα.",
            "PDO and traditional cheeses from all over Greece.",
            [
                new("feta", "Φέτα", "Feta"),
                new("graviera", "Γραβιέρα", "Graviera"),
                new("kasseri", "Κασέρι", "Kasseri"),
                new("mizithra", "Μυζήθρα", "Mizithra"),
            ]),
        new("wine", "Κρασί", "Wine",
            "Κρασιά από ελληνικές ποικιλίες: Ασύρτικο, Αγιωργίτικο, Ξινόμαυρο.",
            "Wines from Greek varieties: Assyrtiko, Agiorgitiko, Xinomavro.",
            [
                new("red-wine", "Ερυθρό κρασί", "Red wine"),
                new("white-wine", "Λευκό κρασί", "White wine"),
                new("rose-wine", "Ροζέ κρασί", "Rosé wine"),
                new("tsipouro-ouzo", "Τσίπουρο και ούζο", "Tsipouro and ouzo"),
            ]),
        new("herbs-spices", "Βότανα και μπαχαρικά", "Herbs & spices",
            "Βότανα του βουνού και μπαχαρικά της ελληνικής κουζίνας.",
            "Mountain herbs and the spices of Greek cooking.",
            [
                new("oregano", "Ρίγανη", "Oregano"),
                new("mountain-tea", "Τσάι του βουνού", "Mountain tea"),
                new("saffron", "Κρόκος Κοζάνης", "Krokos Kozanis saffron"),
            ]),
        new("olives", "Ελιές", "Olives",
            "Επιτραπέζιες ελιές και πάστες ελιάς.",
            "Table olives and olive spreads.",
            [
                new("kalamata-olives", "Ελιές Καλαμών", "Kalamata olives"),
                new("green-olives", "Πράσινες ελιές", "Green olives"),
                new("olive-paste", "Πάστα ελιάς", "Olive paste"),
            ]),
        new("pasta-legumes", "Ζυμαρικά και όσπρια", "Pasta & legumes",
            "Χειροποίητα ζυμαρικά, τραχανάς και όσπρια ΠΓΕ.",
            "Handmade pasta, trahanas and PGI legumes.",
            [
                new("traditional-pasta", "Παραδοσιακά ζυμαρικά", "Traditional pasta"),
                new("lentils", "Φακές", "Lentils"),
                new("beans", "Φασόλια", "Beans"),
                new("chickpeas", "Ρεβίθια", "Chickpeas"),
            ]),
        new("sweets-preserves", "Γλυκά και μαρμελάδες", "Sweets & preserves",
            "Γλυκά του κουταλιού, μαρμελάδες και παστέλι.",
            "Spoon sweets, jams and sesame bars.",
            [
                new("spoon-sweets", "Γλυκά του κουταλιού", "Spoon sweets"),
                new("jams", "Μαρμελάδες", "Jams"),
                new("pasteli", "Παστέλι", "Pasteli"),
            ]),
    ];

    /// <summary>Every category without children, depth first in tree order, with its slug path.</summary>
    public static IReadOnlyList<DemoCategoryLeaf> Leaves { get; } = [.. Roots.SelectMany(root => LeavesUnder(root, root.Slug))];

    private static IEnumerable<DemoCategoryLeaf> LeavesUnder(DemoCategory category, string path) =>
        category.Children.Count == 0
            ? [new DemoCategoryLeaf(path, category)]
            : category.Children.SelectMany(child => LeavesUnder(child, $"{path}/{child.Slug}"));
}
