using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData;

/// <summary>
/// One demo producer as the generator sees it: besides what the contract's <see cref="Producer"/> carries, the
/// root categories it makes (a beekeeper sells honey, not feta) and the region its own products come from.
/// </summary>
internal sealed record DemoProducerProfile(
    string Slug,
    string DisplayName,
    string RegionCode,
    string PostalCode,
    IReadOnlyList<string> Specialties,
    Phrase About)
{
    public DemoRegion Region => DemoRegions.Get(RegionCode);

    public string Id => DemoProducerId.For(Slug);

    /// <summary>The <paramref name="copy"/>-th copy (2, 3, …) of this producer, for demo sets larger than the base list.</summary>
    public DemoProducerProfile Numbered(int copy) =>
        copy <= 1 ? this : this with { Slug = $"{Slug}-{copy}", DisplayName = $"{DisplayName} {copy}" };

    public Producer ToProducer() => new()
    {
        Id = Id,
        Slug = Slug,
        DisplayName = DisplayName,
        Description = About.ToLocalizedText(),
        Region = Region.Name.ToLocalizedText(),
        LogoUri = $"https://images.dixis.example/producers/{Slug}/logo.png",
        OriginPostalCode = PostalCode,
        OriginRegionCode = "GR",
        State = ProducerState.Active,
    };
}
