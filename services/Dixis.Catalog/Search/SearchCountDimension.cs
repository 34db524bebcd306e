namespace Dixis.Catalog.Search;

/// <summary>What <see cref="IProductSearchIndex.CountByAsync"/> counts searchable products by.</summary>
public enum SearchCountDimension
{
    /// <summary>By producer id.</summary>
    Producer,

    /// <summary>By every category on the product's path: a category counts its descendants' products too.</summary>
    CategorySubtree,
}
