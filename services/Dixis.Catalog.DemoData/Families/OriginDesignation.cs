namespace Dixis.Catalog.DemoData.Families;

/// <summary>
/// A protected designation of origin (<c>pdo</c>, ΠΟΠ) or geographical indication (<c>pgi</c>, ΠΓΕ) that a kind of
/// product carries when it comes from one of <see cref="Regions"/> (none listed: wherever the kind is made).
/// </summary>
internal sealed record OriginDesignation(string Key, params string[] Regions)
{
    public static OriginDesignation Pdo(params string[] regions) => new("pdo", regions);

    public static OriginDesignation Pgi(params string[] regions) => new("pgi", regions);

    /// <summary>How the designation reads in a name.</summary>
    public Phrase Label => Key == "pdo" ? new("ΠΟΠ", "PDO") : new("ΠΓΕ", "PGI");

    public bool AppliesTo(string regionCode) => Regions.Length == 0 || Regions.Contains(regionCode, StringComparer.Ordinal);
}
