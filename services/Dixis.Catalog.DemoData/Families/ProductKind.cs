namespace Dixis.Catalog.DemoData.Families;

/// <summary>
/// What a product is, as its name says it, e.g. "εξαιρετικό παρθένο ελαιόλαδο" / "extra virgin olive oil", with the
/// regions it comes from when narrower than its family's, and its designations of origin.
/// </summary>
/// <param name="Noun">The name's head, lower case except proper names (the composer capitalises the first letter).</param>
/// <param name="Regions">Where this kind is made; empty: the family's regions.</param>
/// <param name="Designations">PDO/PGI this kind carries from some regions.</param>
internal sealed record ProductKind(Phrase Noun, IReadOnlyList<string> Regions, IReadOnlyList<OriginDesignation> Designations)
{
    public ProductKind(string el, string en, params string[] regions)
        : this(new Phrase(el, en), regions, [])
    {
    }

    public ProductKind WithDesignation(OriginDesignation designation) => this with { Designations = [.. Designations, designation] };
}
