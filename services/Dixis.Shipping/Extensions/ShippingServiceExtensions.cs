using Dixis.Persistence.Hosting;

namespace Dixis.Shipping.Extensions;

/// <summary>Everything the shipping service needs besides the shared service defaults.</summary>
public static class ShippingServiceExtensions
{
    public const string ServiceName = "shipping";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Access tokens are validated and every method's access rule enforced by the service itself, not only the gateway.
        builder.AddCallerIdentity();

        builder.AddDocumentStore(ServiceName, store =>
        {
            RateRegistration.DeclareCollections(store);
            ShipmentRegistration.DeclareCollections(store);
        });

        builder.AddRates();
        builder.AddShipments();
        return builder;
    }
}
