using Dixis.Auth.Grpc;
using Dixis.Catalog.Grpc;
using Dixis.Orders.Grpc;
using Dixis.Shipping.Grpc;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>Starts any of the four services in-process by its discovery name.</summary>
public static class DixisServices
{
    public static TheoryData<string> Names => ["auth", "catalog", "orders", "shipping"];

    public static IRunningService Start(string name, ServiceSettings? settings = null)
    {
        settings ??= new ServiceSettings();

        // A thousand demo products would only slow tests that need the catalog for something else; tests of
        // the demo catalog ask for it explicitly.
        if (name == "catalog")
        {
            settings.Values.TryAdd("Catalog:DemoProductCount", "0");
        }

        return name switch
        {
            "auth" => new InProcessService<AuthGrpcService>(name, settings),
            "catalog" => new InProcessService<CategoryGrpcService>(name, settings),
            "orders" => new InProcessService<OrderGrpcService>(name, settings),
            "shipping" => new InProcessService<ShipmentGrpcService>(name, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown service; expected auth, catalog, orders or shipping."),
        };
    }
}
