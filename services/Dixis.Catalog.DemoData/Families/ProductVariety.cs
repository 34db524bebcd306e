namespace Dixis.Catalog.DemoData.Families;

/// <summary>An olive cultivar, a grape, a honey's flora: the <c>variety</c> attribute, grown only in some regions (none listed: anywhere).</summary>
internal sealed record ProductVariety(string Code, Phrase Name, params string[] Regions)
{
    public bool GrowsIn(string regionCode) => Regions.Length == 0 || Regions.Contains(regionCode, StringComparer.Ordinal);
}
