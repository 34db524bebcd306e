namespace Dixis.Orders.Model;

/// <summary>The names of the collections the order part of the service stores.</summary>
public static class OrderCollections
{
    public const string Orders = "orders";
    public const string OrderParcels = "order_parcels";
    public const string Refunds = "refunds";
}
