using Dixis.Contracts.Orders.V1;
using Dixis.Persistence.Definitions;
using Dixis.Persistence.Hosting;
using Dixis.Shipping.Carriers;
using Dixis.Shipping.Shipments;
using Dixis.Shipping.Tracking;
using Dixis.Shipping.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dixis.Shipping.Extensions;

/// <summary>Registers shipments, carrier adapters (the built-in carrier), tracking events, the signed carrier webhook and the outbox that moves orders.</summary>
public static class ShipmentRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store
            .Collection<ShipmentRecord>(ShipmentCollections.Shipments, shipments => shipments
                .UniqueIndex("requestId")
                .UniqueIndex("trackingNumber")
                .Index("orderId", "createTimeMs")
                .Index("producerId", "createTimeMs")
                .Index("customerUserId", "createTimeMs")
                .Index("state", "createTimeMs")
                .Index("createTimeMs")
                .Json(ShipmentJsonContext.Default.ShipmentRecord))
            .Collection<ShipmentLabelRecord>(ShipmentCollections.Labels, labels => labels
                .Json(ShipmentJsonContext.Default.ShipmentLabelRecord))
            .Collection<ShipmentRequestRecord>(ShipmentCollections.Requests, requests => requests
                .Json(ShipmentJsonContext.Default.ShipmentRequestRecord))
            .Collection<TrackingEventRecord>(ShipmentCollections.TrackingEvents, events => events
                .UniqueIndex("dedupeKey")
                .Index("shipmentId", "eventTimeMs", "recordTimeMs")
                .ShardKey("shipmentId")
                .Json(ShipmentJsonContext.Default.TrackingEventRecord));
    }

    public static IHostApplicationBuilder AddShipments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CarrierOptions>().BindConfiguration(CarrierOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CarrierOptions>, CarrierOptionsValidator>());

        // Real carriers register as further ICarrier adapters; DixisCourier books every other carrier id.
        services.AddSingleton<DixisCourier>();
        services.AddSingleton<ICarrier>(sp => sp.GetRequiredService<DixisCourier>());
        services.AddSingleton<CarrierRegistry>();

        services.AddSingleton<ShipmentRepository>();
        services.AddSingleton<ShipmentCreation>();
        services.AddSingleton<ShipmentCancellation>();
        services.AddSingleton<ShipmentReader>();
        services.AddSingleton<TrackingEventRecorder>();
        services.AddSingleton<TrackingEventReports>();
        services.AddSingleton<TrackingTimeline>();
        services.AddSingleton<CarrierWebhookReceiver>();

        // Shipment progress reaches Orders through the outbox (services__orders__grpc__0).
        builder.AddGrpcServiceClient<OrderService.OrderServiceClient>("orders");
        services.AddOutboxHandler<ShipmentProgressHandler>();
        return builder;
    }
}
