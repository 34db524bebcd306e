namespace Dixis.Catalog.DemoData.Families;

/// <summary>Every family, one per leaf of <see cref="DemoCategoryTree"/>.</summary>
internal static class ProductFamilies
{
    public static IReadOnlyList<ProductFamily> All { get; } =
    [
        .. OliveOilFamilies.All,
        .. HoneyFamilies.All,
        .. CheeseFamilies.All,
        .. WineFamilies.All,
        .. HerbFamilies.All,
        .. OliveFamilies.All,
        .. PastaLegumeFamilies.All,
        .. SweetFamilies.All,
    ];
}
