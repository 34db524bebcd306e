using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Descriptors;
using Dixis.Gateway.PassThrough;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Gateway.Forwarders;

/// <summary>
/// The public contract services the gateway serves, each with the generated client of its owning service.
/// A contract service with public methods but no line here fails the forwarder completeness test.
/// </summary>
public static class ForwarderRegistration
{
    /// <summary>
    /// One gRPC client per forwarded contract service for the typed forwarders, one HTTP/2 client per owning service for
    /// the native gRPC pass-through, and which service owns which contract service; all addressed by service discovery
    /// (<c>services__&lt;name&gt;__grpc__0</c>).
    /// </summary>
    public static IHostApplicationBuilder AddDownstreamClients(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        AddDownstream<AddressService.AddressServiceClient>(builder, "auth");
        AddDownstream<AuthService.AuthServiceClient>(builder, "auth");
        AddDownstream<JwksService.JwksServiceClient>(builder, "auth");
        AddDownstream<PartnerClientService.PartnerClientServiceClient>(builder, "auth");
        AddDownstream<ProfileService.ProfileServiceClient>(builder, "auth");
        AddDownstream<UserAdminService.UserAdminServiceClient>(builder, "auth");
        AddDownstream<CategoryService.CategoryServiceClient>(builder, "catalog");
        AddDownstream<InventoryService.InventoryServiceClient>(builder, "catalog");
        AddDownstream<ProducerService.ProducerServiceClient>(builder, "catalog");
        AddDownstream<ProductService.ProductServiceClient>(builder, "catalog");
        AddDownstream<SearchService.SearchServiceClient>(builder, "catalog");
        AddDownstream<CartService.CartServiceClient>(builder, "orders");
        AddDownstream<OrderService.OrderServiceClient>(builder, "orders");
        AddDownstream<PaymentService.PaymentServiceClient>(builder, "orders");
        AddDownstream<RateService.RateServiceClient>(builder, "shipping");
        AddDownstream<RateTableService.RateTableServiceClient>(builder, "shipping");
        AddDownstream<ShipmentService.ShipmentServiceClient>(builder, "shipping");
        AddDownstream<TrackingService.TrackingServiceClient>(builder, "shipping");
        return builder;
    }

    /// <summary>
    /// <c>GrpcForwarder</c> passes the inbound call's deadline and cancellation in the CallOptions of every
    /// forwarded call, so the propagation interceptor would only repeat that work (a linked token source and a
    /// wrapped call per call). The HttpClientFactory request loggers write only at Information and Trace, which
    /// the gateway's configuration turns off for <c>System.Net.Http.HttpClient</c>, yet each still ran two async
    /// handlers and a log scope per forwarded call; the gRPC client's own log (<c>Grpc.Net.Client</c>) stays.
    /// </summary>
    private static void AddDownstream<TClient>(IHostApplicationBuilder builder, string serviceName)
        where TClient : class
    {
        builder.AddGrpcServiceClient<TClient>(serviceName, propagateCallContext: false).RemoveAllLoggers();

        var services = builder.Services;
        var servedAlready = services.Any(registration =>
            registration.ImplementationInstance is DownstreamService { } known && known.Name == serviceName);
        if (!servedAlready)
        {
            PassThroughRegistration.AddPassThroughClient(services, serviceName);
        }

        services.AddSingleton(new DownstreamService(GeneratedServiceDescriptor.Of(typeof(TClient)).FullName, serviceName));
    }

    /// <summary>
    /// Maps every forwarder: native gRPC, gRPC-Web and (from the google.api.http rules) JSON, each endpoint of a public
    /// method carrying its <see cref="GatewayMethod"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapForwarders(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        MapForwarder<Auth.AddressServiceForwarder>(endpoints);
        MapForwarder<Auth.AuthServiceForwarder>(endpoints);
        MapForwarder<Auth.JwksServiceForwarder>(endpoints);
        MapForwarder<Auth.PartnerClientServiceForwarder>(endpoints);
        MapForwarder<Auth.ProfileServiceForwarder>(endpoints);
        MapForwarder<Auth.UserAdminServiceForwarder>(endpoints);
        MapForwarder<Catalog.CategoryServiceForwarder>(endpoints);
        MapForwarder<Catalog.InventoryServiceForwarder>(endpoints);
        MapForwarder<Catalog.ProducerServiceForwarder>(endpoints);
        MapForwarder<Catalog.ProductServiceForwarder>(endpoints);
        MapForwarder<Catalog.SearchServiceForwarder>(endpoints);
        MapForwarder<Orders.CartServiceForwarder>(endpoints);
        MapForwarder<Orders.OrderServiceForwarder>(endpoints);
        MapForwarder<Orders.PaymentServiceForwarder>(endpoints);
        MapForwarder<Shipping.RateServiceForwarder>(endpoints);
        MapForwarder<Shipping.RateTableServiceForwarder>(endpoints);
        MapForwarder<Shipping.ShipmentServiceForwarder>(endpoints);
        MapForwarder<Shipping.TrackingServiceForwarder>(endpoints);
        return endpoints;
    }

    private static void MapForwarder<TForwarder>(IEndpointRouteBuilder endpoints)
        where TForwarder : class =>
        endpoints.MapGrpcService<TForwarder>().Add(GatewayMethods.Attach);
}
