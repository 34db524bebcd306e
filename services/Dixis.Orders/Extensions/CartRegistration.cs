using Dixis.Contracts.Catalog.V1;
using Dixis.Orders.Carts;
using Dixis.Orders.Pricing;
using Dixis.Persistence.Definitions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dixis.Orders.Extensions;

/// <summary>Registers carts (guest and signed-in), their store (Redis or the document store) and their catalog view.</summary>
public static class CartRegistration
{
    /// <summary>The connection string that puts carts in Redis (the service defaults' shared connection).</summary>
    private const string RedisConnectionName = "cache";

    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);

        // Declared with or without Redis, so switching a deployment to Redis needs no schema change.
        DocumentCartStore.Declare(store);
    }

    public static IHostApplicationBuilder AddCarts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CartOptions>()
            .BindConfiguration(CartOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Carts hold SKUs and quantities only: names, prices and availability are read from the catalog on every view.
        builder.AddGrpcServiceClient<ProductService.ProductServiceClient>("catalog");
        services.AddSingleton<CatalogVariants>();

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName)))
        {
            services.AddSingleton<DocumentCartStore>();
            services.AddSingleton<ICartStore>(provider => provider.GetRequiredService<DocumentCartStore>());
            services.AddHostedService<CartSweeper>();
        }
        else
        {
            // Redis expires untouched carts by itself (each key carries the cart's expiry).
            services.AddSingleton<ICartStore, RedisCartStore>();
        }

        services.AddSingleton<CartLocks>();
        services.AddSingleton<ShoppingCarts>();
        return builder;
    }
}
