using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData;

/// <summary>
/// The demo marketplace's sellers: small Greek farms, cooperatives, beekeepers, cheese dairies, wineries and
/// distilleries, each with a real-shaped postal code of its town. Asking for more than the base list numbers
/// copies (<c>…-2</c>, <c>…-3</c>), so any count is deterministic.
/// </summary>
public static class DemoProducers
{
    /// <summary>The size of the base list, and the default count.</summary>
    public const int DefaultCount = 36;

    private const string OliveOil = "olive-oil";
    private const string Honey = "honey";
    private const string Cheese = "cheese";
    private const string Wine = "wine";
    private const string Herbs = "herbs-spices";
    private const string Olives = "olives";
    private const string PastaLegumes = "pasta-legumes";
    private const string Sweets = "sweets-preserves";

    private static readonly DemoProducerProfile[] Base =
    [
        new("elaionas-papadaki", "Ελαιώνας Παπαδάκη", "crete", "73100", [OliveOil, Olives],
            new("Οικογενειακός ελαιώνας έξω από τα Χανιά, με αιωνόβιες ελιές Κορωνέικης που μαζεύονται με το χέρι.",
                "A family olive grove outside Chania, with centuries-old Koroneiki trees picked by hand.")),
        new("synetairismos-sitias", "Αγροτικός Συνεταιρισμός Σητείας", "crete", "72300", [OliveOil],
            new("Ο συνεταιρισμός 400 ελαιοπαραγωγών της Σητείας, με δικό του ελαιοτριβείο ψυχρής έκθλιψης.",
                "The cooperative of 400 olive growers of Sitia, with its own cold-extraction mill.")),
        new("melissokomia-marinou", "Μελισσοκομία Μαρίνου", "crete", "71409", [Honey],
            new("Τρίτη γενιά μελισσοκόμων στο Ηράκλειο· τα μελίσσια ξεχειμωνιάζουν στα θυμάρια του Ψηλορείτη.",
                "Third-generation beekeepers in Heraklion; the hives winter among the thyme of Mount Psiloritis.")),
        new("rakokazano-rethymnou", "Ρακοκάζανο Ρεθύμνου", "crete", "74100", [Wine, Herbs],
            new("Παραδοσιακό καζάνι στο Ρέθυμνο που αποστάζει τσικουδιά από στέμφυλα κρητικών αμπελιών.",
                "A traditional still in Rethymno distilling tsikoudia from the pomace of Cretan vineyards.")),
        new("liofyta-kalamatas", "Λιόφυτα Καλαμάτας", "messinia", "24100", [OliveOil, Olives],
            new("Ελαιόλαδο και ελιές Καλαμών από κτήματα στους πρόποδες του Ταϋγέτου.",
                "Olive oil and Kalamata olives from groves at the foot of Mount Taygetos.")),
        new("ktimata-manis", "Κτήματα Μάνης", "lakonia", "23062", [OliveOil, Herbs],
            new("Μικρό κτήμα στην Αρεόπολη: ελαιόλαδο Αθηνολιάς και βότανα από τις πέτρινες πεζούλες της Μάνης.",
                "A small estate in Areopoli: Athinolia olive oil and herbs from the stone terraces of Mani.")),
        new("enosi-elaioparagogon-lesvou", "Ένωση Ελαιοπαραγωγών Λέσβου", "lesvos", "81100", [OliveOil, Olives],
            new("Η ένωση των ελαιοπαραγωγών της Λέσβου, με ελιές Κολοβή και Αδραμυτιανή.",
                "The union of Lesvos olive growers, with Kolovi and Adramytiani olives.")),
        new("apostagmatopoieio-plomariou", "Αποσταγματοποιείο Πλωμαρίου", "lesvos", "81200", [Wine],
            new("Ούζο με γλυκάνισο της Λισβορίου, αποσταγμένο σε χάλκινους άμβυκες από το 1920.",
                "Ouzo with anise from Lisvori, distilled in copper stills since 1920.")),
        new("tyrokomeio-lesvou", "Τυροκομείο Καλλονής", "lesvos", "81107", [Cheese],
            new("Λαδοτύρι, φέτα και κασέρι από πρόβειο γάλα της Λέσβου.",
                "Ladotyri, feta and kasseri from Lesvos sheep's milk.")),
        new("tyrokomeio-ioanninon", "Τυροκομείο Ιωαννίνων", "epirus", "45221", [Cheese],
            new("Φέτα ΠΟΠ ωριμασμένη σε ξύλινα βαρέλια, από γάλα κοπαδιών των βουνών της Ηπείρου.",
                "Feta PDO matured in wooden barrels, from the milk of flocks in the mountains of Epirus.")),
        new("galaktokomika-metsovou", "Γαλακτοκομικά Μετσόβου", "epirus", "44200", [Cheese],
            new("Καπνιστά τυριά και γραβιέρα από το Μέτσοβο, σε υψόμετρο 1.160 μέτρων.",
                "Smoked cheeses and graviera from Metsovo, at 1,160 metres.")),
        new("zymarika-zagoriou", "Παραδοσιακά Ζυμαρικά Ζαγορίου", "epirus", "44007", [PastaLegumes],
            new("Χυλοπίτες και τραχανάς με φρέσκα αυγά και γάλα, απλωμένα να στεγνώσουν στον ήλιο.",
                "Hilopites and trahanas with fresh eggs and milk, spread out to dry in the sun.")),
        new("enosi-naxou", "Ένωση Αγροτικών Συνεταιρισμών Νάξου", "naxos", "84300", [Cheese, PastaLegumes],
            new("Γραβιέρα Νάξου ΠΟΠ, αρσενικό και πατάτες από τα χωριά της Τραγαίας.",
                "Graviera Naxou PDO, arseniko cheese and potatoes from the villages of Tragaia.")),
        new("ktima-kalderas", "Κτήμα Καλντέρας", "santorini", "84700", [Wine, PastaLegumes],
            new("Αμπέλια Ασύρτικου σε κουλούρες στο ηφαιστειακό χώμα της Σαντορίνης, και φάβα από τον Πύργο.",
                "Assyrtiko vines trained as baskets in the volcanic soil of Santorini, and fava from Pyrgos.")),
        new("ampelones-nemeas", "Αμπελώνες Νεμέας", "nemea", "20500", [Wine],
            new("Αγιωργίτικο από αμπέλια στα 600 μέτρα πάνω από την κοιλάδα της Νεμέας.",
                "Agiorgitiko from vineyards 600 metres above the Nemea valley.")),
        new("oinopoieio-naousas", "Οινοποιείο Νάουσας", "naoussa", "59200", [Wine],
            new("Ξινόμαυρο από τις πλαγιές του Βερμίου, παλαιωμένο σε γαλλικά βαρέλια.",
                "Xinomavro from the slopes of Mount Vermio, aged in French oak.")),
        new("kelaria-amyntaiou", "Κελάρια Αμυνταίου", "amyntaio", "53200", [Wine],
            new("Ροζέ και αφρώδη Ξινόμαυρα από τα ψυχρότερα αμπέλια της Ελλάδας, δίπλα στις λίμνες.",
                "Rosé and sparkling Xinomavro from the coolest vineyards in Greece, beside the lakes.")),
        new("ktima-mantineias", "Κτήμα Μαντινείας", "mantinia", "22100", [Wine],
            new("Μοσχοφίλερο από το οροπέδιο της Μαντινείας, αρωματικό και δροσερό.",
                "Moschofilero from the Mantinia plateau, aromatic and fresh.")),
        new("melisses-mainalou", "Μέλισσες του Μαινάλου", "mainalo", "22007", [Honey],
            new("Μέλι ελάτης «βανίλια» από τα ελατοδάση του Μαινάλου, χωρίς θέρμανση και φιλτράρισμα.",
                "Vanilla fir honey from the fir forests of Mainalo, neither heated nor filtered.")),
        new("melissokomoi-thasou", "Μελισσοκόμοι Θάσου", "thasos", "64004", [Honey],
            new("Πευκόμελο από τα πευκοδάση της Θάσου, συλλεγμένο το φθινόπωρο.",
                "Pine honey from the pine forests of Thasos, gathered in autumn.")),
        new("meli-voreias-evoias", "Μέλι Βόρειας Εύβοιας", "evia", "34200", [Honey],
            new("Μελισσοκόμοι της Ιστιαίας με πευκόμελο και ανθόμελο από τη βόρεια Εύβοια.",
                "Beekeepers of Istiaia with pine and wildflower honey from northern Evia.")),
        new("kythiraiko-melissokomeio", "Κυθηραϊκό Μελισσοκομείο", "kythira", "80200", [Honey],
            new("Θυμαρίσιο μέλι από τα άγονα, ανεμοδαρμένα βουνά των Κυθήρων.",
                "Thyme honey from the bare, windswept hills of Kythira.")),
        new("votana-ikarias", "Βότανα Ικαρίας", "ikaria", "83300", [Herbs, Honey],
            new("Ρίγανη, θρούμπι και τσάι του βουνού από τις πλαγιές του Αθέρα, και ανθόμελο.",
                "Oregano, savory and mountain tea from the slopes of Atheras, and wildflower honey.")),
        new("synetairismos-krokou-kozanis", "Συνεταιρισμός Κροκοπαραγωγών Κοζάνης", "kozani", "50010", [Herbs],
            new("Ο μόνος παραγωγός του Κρόκου Κοζάνης ΠΟΠ, που μαζεύεται λουλούδι λουλούδι τον Οκτώβριο.",
                "The only producer of Krokos Kozanis PDO, picked flower by flower in October.")),
        new("votana-kissavou", "Βότανα του Κισσάβου", "thessaly", "41222", [Herbs],
            new("Βιολογικά βότανα από τον Κίσσαβο: σιδερίτης, ρίγανη, μελισσόχορτο.",
                "Organic herbs from Mount Kissavos: sideritis, oregano, lemon balm.")),
        new("apostakirio-tyrnavou", "Αποστακτήριο Τυρνάβου", "tyrnavos", "40100", [Wine],
            new("Τσίπουρο με και χωρίς γλυκάνισο, από σταφύλια Μοσχάτου Αμβούργου του Τυρνάβου.",
                "Tsipouro with and without anise, from Tyrnavos Muscat of Hamburg grapes.")),
        new("hylopites-tis-giagias", "Οι Χυλοπίτες της Γιαγιάς", "thessaly", "42100", [PastaLegumes],
            new("Χειροποίητα ζυμαρικά των Τρικάλων από σιμιγδάλι σκληρού σιταριού και αυγά ελευθέρας βοσκής.",
                "Handmade pasta from Trikala, of durum semolina and free-range eggs.")),
        new("elies-halkidikis", "Ελιές Χαλκιδικής Πολυγύρου", "halkidiki", "63100", [Olives, OliveOil],
            new("Πράσινες ελιές Χαλκιδικής, γεμιστές με το χέρι, και αγουρέλαιο.",
                "Green Halkidiki olives, stuffed by hand, and early-harvest oil.")),
        new("elaioparagogoi-amfissas", "Ελαιοπαραγωγοί Άμφισσας", "amfissa", "33100", [Olives],
            new("Ο ελαιώνας της Άμφισσας κατεβαίνει ως τη θάλασσα· από εκεί οι ελιές μας.",
                "The Amfissa olive grove runs down to the sea; that is where our olives grow.")),
        new("ospria-kastorias", "Όσπρια Καστοριάς", "kastoria", "52100", [PastaLegumes],
            new("Γίγαντες και ελέφαντες Καστοριάς ΠΓΕ, από χωράφια δίπλα στη λίμνη.",
                "Gigantes and elefantes beans of Kastoria PGI, from fields beside the lake.")),
        new("faki-egklouvis", "Φακή Εγκλουβής", "lefkada", "31100", [PastaLegumes],
            new("Η μικρή φακή του οροπεδίου της Εγκλουβής, καλλιεργημένη χωρίς ποτίσματα.",
                "The small lentil of the Eglouvi plateau, grown without irrigation.")),
        new("mastichochoria-chiou", "Μαστιχοχώρια Χίου", "chios", "82100", [Sweets, Wine],
            new("Μαστίχα Χίου ΠΟΠ, γλυκά του κουταλιού και λικέρ μαστίχας από τα νότια χωριά του νησιού.",
                "Chios mastiha PDO, spoon sweets and mastiha liqueur from the island's southern villages.")),
        new("fistiki-aiginas", "Φιστίκι Αίγινας", "aegina", "18010", [Sweets],
            new("Φιστίκι Αίγινας ΠΟΠ σε παστέλι, πάστα και γλυκό του κουταλιού.",
                "Aegina pistachio PDO in pasteli, spread and spoon sweet.")),
        new("glyka-kerkyras", "Γλυκά της Κέρκυρας", "corfu", "49100", [Sweets],
            new("Κουμκουάτ, νεραντζάκι και μαρμελάδες από τους κήπους της Κέρκυρας.",
                "Kumquat, bitter orange and jams from the gardens of Corfu.")),
        new("agroktima-mesogeion", "Αγρόκτημα Μεσογείων", "attica", "19002", [Wine, OliveOil],
            new("Σαββατιανό και ελαιόλαδο από τα Μεσόγεια της Αττικής, δίπλα στην πόλη.",
                "Savatiano and olive oil from the Mesogeia of Attica, next to the city.")),
        new("synetairismos-thessalonikis", "Συνεταιρισμός Παραγωγών Θεσσαλονίκης", "thessaloniki", "54625", [Cheese, Sweets, PastaLegumes],
            new("Παραγωγοί της Μακεδονίας που πουλούν μαζί: τυριά, γλυκά και όσπρια από τα χωριά γύρω από τη Θεσσαλονίκη.",
                "Macedonian producers selling together: cheeses, sweets and legumes from the villages around Thessaloniki.")),
    ];

    /// <summary>
    /// The first <paramref name="count"/> demo producers as contract messages, with deterministic ids
    /// (<see cref="DemoProducerId"/>), region code <c>GR</c> and state active.
    /// </summary>
    public static IReadOnlyList<Producer> Create(int count = DefaultCount) =>
        [.. Profiles(count).Select(profile => profile.ToProducer())];

    internal static IReadOnlyList<DemoProducerProfile> Profiles(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(0, count).Select(i => Base[i % Base.Length].Numbered((i / Base.Length) + 1))];
    }
}
