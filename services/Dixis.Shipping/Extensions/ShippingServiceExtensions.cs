using Dixis.Persistence.Hosting;

namespace Dixis.Shipping.Extensions;

/// <summary>Everything the shipping service needs besides the shared service defaults.</summary>
public static class ShippingServiceExtensions
{
    public const string ServiceName = "shipping";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Access tokens are validated and every method's access rule enforced from the start, before the methods
        // themselves exist: the service is its own wall, not only the gateway.
        builder.AddCallerIdentity();

        // Collections are declared by the issues that implement this service's methods; the store
        // (and its readiness check) is there from the start so every service runs the same way.
        builder.AddDocumentStore(ServiceName, _ => { });

        return builder;
    }
}
