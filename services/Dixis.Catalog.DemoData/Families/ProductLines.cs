namespace Dixis.Catalog.DemoData.Families;

/// <summary>
/// Label names producers give their ranges ("«Πρωτοβρόχι»"), shown after the product's name on about half the
/// products: what makes thousands of olive oils from one region read as different bottles, as on a real shelf.
/// </summary>
internal static class ProductLines
{
    public const double Chance = 0.55;

    public static IReadOnlyList<Phrase> All { get; } =
    [
        new("Αρχέγονο", "Archegono"), new("Γαία", "Gaia"), new("Ρίζες", "Rizes"), new("Λιοτρίβι", "Liotrivi"),
        new("Πέτρα", "Petra"), new("Αύρα", "Avra"), new("Ήλιος", "Ilios"), new("Θάλασσα", "Thalassa"),
        new("Παππούς", "Pappous"), new("Γιαγιά Ελένη", "Yiayia Eleni"), new("Μάνα Γη", "Mana Gi"), new("Ακρογιάλι", "Akrogiali"),
        new("Πρωτοβρόχι", "Protovrochi"), new("Αλώνι", "Aloni"), new("Κελάρι", "Kelari"), new("Κυψέλη", "Kypseli"),
        new("Ανατολή", "Anatoli"), new("Ασπρόβραχος", "Asprovrachos"), new("Καλντέρα", "Caldera"), new("Μελτέμι", "Meltemi"),
        new("Σιρόκος", "Sirokos"), new("Αιγαίο", "Aigaio"), new("Ορίζοντας", "Orizontas"), new("Πηγή", "Pigi"),
        new("Λόγγος", "Loggos"), new("Ρεματιά", "Rematia"), new("Αμπελοτόπι", "Ampelotopi"), new("Κάμπος", "Kampos"),
        new("Χρυσή Σοδειά", "Chrysi Sodeia"), new("Άνοιξη", "Anoixi"), new("Τρύγος", "Trygos"), new("Φθινόπωρο", "Fthinoporo"),
        new("Ασήμι", "Asimi"), new("Δρυάδα", "Dryada"), new("Νεράιδα", "Neraida"), new("Αστέρι", "Asteri"),
        new("Φεγγάρι", "Feggari"), new("Παράδοση", "Paradosi"), new("Κληρονομιά", "Klironomia"), new("Αρμονία", "Armonia"),
        new("Ευλογία", "Evlogia"), new("Θησαυρός", "Thisavros"), new("Αντίλαλος", "Antilalos"), new("Μυρτιά", "Myrtia"),
        new("Δάφνη", "Dafni"), new("Σχίνος", "Schinos"), new("Λιθαράκι", "Litharaki"), new("Ξωκλήσι", "Xoklisi"),
    ];
}
