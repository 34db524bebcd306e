using Dixis.Persistence.Hosting;

namespace Dixis.Orders.Extensions;

/// <summary>Everything the orders service needs besides the shared service defaults.</summary>
public static class OrdersServiceExtensions
{
    public const string ServiceName = "orders";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Access tokens are validated and every method's access rule enforced by the service itself, not only the gateway.
        builder.AddCallerIdentity();

        builder.AddDocumentStore(ServiceName, store =>
        {
            CartRegistration.DeclareCollections(store);
            OrderRegistration.DeclareCollections(store);
            CardPaymentRegistration.DeclareCollections(store);
        });

        builder.AddCarts();
        builder.AddOrders();
        builder.AddCardPayments();
        return builder;
    }
}
