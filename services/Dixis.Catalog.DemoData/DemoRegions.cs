namespace Dixis.Catalog.DemoData;

/// <summary>The places demo products and producers come from, by code.</summary>
internal static class DemoRegions
{
    private static readonly DemoRegion[] All =
    [
        new("crete", "Κρήτη", "Κρήτης", "Crete"),
        new("messinia", "Μεσσηνία", "Μεσσηνίας", "Messinia"),
        new("lakonia", "Λακωνία", "Λακωνίας", "Laconia"),
        new("lesvos", "Λέσβος", "Λέσβου", "Lesvos"),
        new("chios", "Χίος", "Χίου", "Chios"),
        new("naxos", "Νάξος", "Νάξου", "Naxos"),
        new("santorini", "Σαντορίνη", "Σαντορίνης", "Santorini"),
        new("ikaria", "Ικαρία", "Ικαρίας", "Ikaria"),
        new("kythira", "Κύθηρα", "Κυθήρων", "Kythira"),
        new("thasos", "Θάσος", "Θάσου", "Thasos"),
        new("halkidiki", "Χαλκιδική", "Χαλκιδικής", "Halkidiki"),
        new("thessaloniki", "Θεσσαλονίκη", "Θεσσαλονίκης", "Thessaloniki"),
        new("naoussa", "Νάουσα", "Νάουσας", "Naoussa"),
        new("amyntaio", "Αμύνταιο", "Αμυνταίου", "Amyntaio"),
        new("kozani", "Κοζάνη", "Κοζάνης", "Kozani"),
        new("epirus", "Ήπειρος", "Ηπείρου", "Epirus"),
        new("thessaly", "Θεσσαλία", "Θεσσαλίας", "Thessaly"),
        new("tyrnavos", "Τύρναβος", "Τυρνάβου", "Tyrnavos"),
        new("mainalo", "Μαίναλο", "Μαινάλου", "Mainalo"),
        new("mantinia", "Μαντινεία", "Μαντινείας", "Mantinia"),
        new("nemea", "Νεμέα", "Νεμέας", "Nemea"),
        new("attica", "Αττική", "Αττικής", "Attica"),
        new("aegina", "Αίγινα", "Αίγινας", "Aegina"),
        new("evia", "Εύβοια", "Εύβοιας", "Evia"),
        new("kefalonia", "Κεφαλονιά", "Κεφαλονιάς", "Kefalonia"),
        new("corfu", "Κέρκυρα", "Κέρκυρας", "Corfu"),
        new("lefkada", "Λευκάδα", "Λευκάδας", "Lefkada"),
        new("kastoria", "Καστοριά", "Καστοριάς", "Kastoria"),
        new("prespes", "Πρέσπες", "Πρεσπών", "Prespes"),
        new("amfissa", "Άμφισσα", "Άμφισσας", "Amfissa"),
        new("samos", "Σάμος", "Σάμου", "Samos"),
        new("rhodes", "Ρόδος", "Ρόδου", "Rhodes"),
    ];

    private static readonly Dictionary<string, DemoRegion> ByCode = All.ToDictionary(region => region.Code, StringComparer.Ordinal);

    /// <exception cref="KeyNotFoundException">A code no demo region has: a typo in the demo data itself.</exception>
    public static DemoRegion Get(string code) =>
        ByCode.TryGetValue(code, out var region) ? region : throw new KeyNotFoundException($"No demo region '{code}'.");
}
