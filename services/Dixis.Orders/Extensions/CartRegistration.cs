using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Definitions;

namespace Dixis.Orders.Extensions;

/// <summary>Registers carts (guest and signed-in), their store (Redis or the document store) and their catalog view.</summary>
public static class CartRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    public static IHostApplicationBuilder AddCarts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Carts hold SKUs and quantities only: names, prices and availability are read from the catalog on every view.
        builder.AddGrpcServiceClient<ProductService.ProductServiceClient>("catalog");
        return builder;
    }
}
