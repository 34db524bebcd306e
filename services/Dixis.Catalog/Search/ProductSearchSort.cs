namespace Dixis.Catalog.Search;

/// <summary>The orders an engine sorts hits in; ties are broken by product id, so paging is stable.</summary>
public enum ProductSearchSort
{
    /// <summary>Best match first.</summary>
    Relevance,

    /// <summary>Cheapest variant price, ascending.</summary>
    PriceAscending,

    /// <summary>Cheapest variant price, descending.</summary>
    PriceDescending,

    /// <summary>Most recently published first.</summary>
    Newest,
}
