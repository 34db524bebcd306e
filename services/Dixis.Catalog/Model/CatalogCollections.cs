namespace Dixis.Catalog.Model;

/// <summary>The names of the catalog's document collections (tables in SQLite, collections in MongoDB).</summary>
public static class CatalogCollections
{
    public const string Categories = "categories";
    public const string Products = "products";
    public const string Producers = "producers";
    public const string Stock = "stock";
    public const string Reservations = "reservations";
    public const string StockAdjustments = "stock_adjustments";
}
