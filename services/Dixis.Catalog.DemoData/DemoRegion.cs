namespace Dixis.Catalog.DemoData;

/// <summary>
/// A place food comes from, as the <c>origin_region</c> attribute names it: a stable code, the Greek name and its
/// genitive (Greek shop titles say "Θυμαρίσιο μέλι Κρήτης", "thyme honey of Crete") and the English name.
/// </summary>
internal sealed record DemoRegion(string Code, string NameEl, string GenitiveEl, string NameEn)
{
    public Phrase Name => new(NameEl, NameEn);
}
