using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.DemoData.Families;

/// <summary>
/// The products of one leaf category of the demo tree, as word lists the generator composes names, descriptions,
/// attributes and variants from, so that many thousands of products read like a real shop without repeating.
/// </summary>
internal sealed record ProductFamily
{
    /// <summary>The slug path of the leaf category, e.g. <c>honey/thyme-honey</c>.</summary>
    public required string CategoryPath { get; init; }

    /// <summary>The first part of every SKU, e.g. <c>HTH</c>.</summary>
    public required string SkuPrefix { get; init; }

    /// <summary>How many products of every 100 come from this family, roughly.</summary>
    public required int Share { get; init; }

    public TaxClass TaxClass { get; init; } = TaxClass.Reduced;

    public NameStyle NameStyle { get; init; } = NameStyle.Food;

    public required IReadOnlyList<ProductKind> Kinds { get; init; }

    /// <summary>Where the family's products come from, unless a kind says otherwise.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    public IReadOnlyList<ProductVariety> Varieties { get; init; } = [];

    /// <summary>How often a variety is named, when one grows in the product's region (wines always name their grape).</summary>
    public double VarietyChance { get; init; } = 0.6;

    /// <summary>Words in front of the name, e.g. "αφιλτράριστο" / "unfiltered", agreeing in gender with the family's nouns.</summary>
    public IReadOnlyList<Phrase> Qualifiers { get; init; } = [];

    public double QualifierChance { get; init; } = 0.5;

    /// <summary>The sizes, smallest first; a product sells one to four neighbouring ones.</summary>
    public required IReadOnlyList<PackSize> Sizes { get; init; }

    /// <summary>Multiplies every size's typical price (pine honey sells below thyme honey in the same jar).</summary>
    public double PriceFactor { get; init; } = 1.0;

    /// <summary>The first line of a description, one of these.</summary>
    public required IReadOnlyList<Phrase> Openings { get; init; }

    /// <summary>The last line of a description: how to keep or serve it.</summary>
    public required IReadOnlyList<Phrase> Serving { get; init; }

    /// <summary>1 when every product is organic (the organic olive oil category).</summary>
    public double OrganicChance { get; init; } = 0.15;

    /// <summary>Whether names and attributes carry a vintage year (wines, not spirits).</summary>
    public bool HasVintage { get; init; }

    public string RootSlug => CategoryPath[..CategoryPath.IndexOf('/')];
}
