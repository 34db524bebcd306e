using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Gateway.Forwarders;

/// <summary>
/// The public contract services the gateway serves, each with the generated client of its owning service.
/// A contract service with public methods but no line here fails the forwarder completeness test.
/// </summary>
public static class ForwarderRegistration
{
    /// <summary>One gRPC client per forwarded contract service, addressed by service discovery (<c>services__&lt;name&gt;__grpc__0</c>).</summary>
    public static IHostApplicationBuilder AddDownstreamClients(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddGrpcServiceClient<AddressService.AddressServiceClient>("auth");
        builder.AddGrpcServiceClient<AuthService.AuthServiceClient>("auth");
        builder.AddGrpcServiceClient<JwksService.JwksServiceClient>("auth");
        builder.AddGrpcServiceClient<PartnerClientService.PartnerClientServiceClient>("auth");
        builder.AddGrpcServiceClient<ProfileService.ProfileServiceClient>("auth");
        builder.AddGrpcServiceClient<UserAdminService.UserAdminServiceClient>("auth");
        builder.AddGrpcServiceClient<CategoryService.CategoryServiceClient>("catalog");
        builder.AddGrpcServiceClient<InventoryService.InventoryServiceClient>("catalog");
        builder.AddGrpcServiceClient<ProducerService.ProducerServiceClient>("catalog");
        builder.AddGrpcServiceClient<ProductService.ProductServiceClient>("catalog");
        builder.AddGrpcServiceClient<SearchService.SearchServiceClient>("catalog");
        builder.AddGrpcServiceClient<CartService.CartServiceClient>("orders");
        builder.AddGrpcServiceClient<OrderService.OrderServiceClient>("orders");
        builder.AddGrpcServiceClient<PaymentService.PaymentServiceClient>("orders");
        builder.AddGrpcServiceClient<RateService.RateServiceClient>("shipping");
        builder.AddGrpcServiceClient<RateTableService.RateTableServiceClient>("shipping");
        builder.AddGrpcServiceClient<ShipmentService.ShipmentServiceClient>("shipping");
        builder.AddGrpcServiceClient<TrackingService.TrackingServiceClient>("shipping");
        return builder;
    }

    /// <summary>Maps every forwarder: native gRPC, gRPC-Web and (from the google.api.http rules) JSON.</summary>
    public static IEndpointRouteBuilder MapForwarders(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGrpcService<Auth.AddressServiceForwarder>();
        endpoints.MapGrpcService<Auth.AuthServiceForwarder>();
        endpoints.MapGrpcService<Auth.JwksServiceForwarder>();
        endpoints.MapGrpcService<Auth.PartnerClientServiceForwarder>();
        endpoints.MapGrpcService<Auth.ProfileServiceForwarder>();
        endpoints.MapGrpcService<Auth.UserAdminServiceForwarder>();
        endpoints.MapGrpcService<Catalog.CategoryServiceForwarder>();
        endpoints.MapGrpcService<Catalog.InventoryServiceForwarder>();
        endpoints.MapGrpcService<Catalog.ProducerServiceForwarder>();
        endpoints.MapGrpcService<Catalog.ProductServiceForwarder>();
        endpoints.MapGrpcService<Catalog.SearchServiceForwarder>();
        endpoints.MapGrpcService<Orders.CartServiceForwarder>();
        endpoints.MapGrpcService<Orders.OrderServiceForwarder>();
        endpoints.MapGrpcService<Orders.PaymentServiceForwarder>();
        endpoints.MapGrpcService<Shipping.RateServiceForwarder>();
        endpoints.MapGrpcService<Shipping.RateTableServiceForwarder>();
        endpoints.MapGrpcService<Shipping.ShipmentServiceForwarder>();
        endpoints.MapGrpcService<Shipping.TrackingServiceForwarder>();
        return endpoints;
    }
}
