namespace Dixis.Catalog.DemoData.Families;

/// <summary>How a product's name is put together.</summary>
internal enum NameStyle
{
    /// <summary>"Πρώιμης συγκομιδής ελαιόλαδο Κορωνέικη Μεσσηνίας ΠΟΠ" / "Early harvest Koroneiki olive oil PDO from Messinia".</summary>
    Food,

    /// <summary>Grape first, then place and vintage, as wine labels read: "Ασύρτικο Σαντορίνης 2022" / "Assyrtiko Santorini 2022".</summary>
    Wine,
}
