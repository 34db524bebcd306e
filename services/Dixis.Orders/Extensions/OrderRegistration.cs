using Dixis.Persistence.Definitions;

namespace Dixis.Orders.Extensions;

/// <summary>Registers checkout, orders and their state machine, cash on delivery and bank transfer, the outbox effects on other services.</summary>
public static class OrderRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder) => builder;
}
