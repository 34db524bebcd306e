using Dixis.ServiceDefaults.Security;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// Who sees and moves which shipment. Admins: all. Producers (and partner clients bound to one): their own parcels.
/// Customers: the shipments of their own orders, read only. A shipment the caller may not see is reported as not
/// found, so its existence never leaks.
/// </summary>
public static class ShipmentVisibility
{
    public static bool CanSee(Caller caller, ShipmentRecord shipment) =>
        CanManage(caller, shipment) || (caller.Subject is not null && caller.Subject == shipment.CustomerUserId);

    /// <summary>May print its label and report its tracking events.</summary>
    public static bool CanManage(Caller caller, ShipmentRecord shipment) =>
        caller.IsAdmin || (caller.ProducerId is not null && caller.ProducerId == shipment.ProducerId);
}
