using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Orders.Payments;
using Dixis.Orders.Payments.Cards;
using Dixis.Orders.Pricing;
using Dixis.Orders.Refunds;
using Dixis.Orders.Vat;
using Dixis.Persistence.Definitions;
using Dixis.Persistence.Hosting;
using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dixis.Orders.Extensions;

/// <summary>Registers checkout, orders and their state machine, cash on delivery and bank transfer, the outbox effects on other services.</summary>
public static class OrderRegistration
{
    /// <summary>The collections this part of the service stores.</summary>
    public static void DeclareCollections(DocumentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store
            .Collection<OrderDocument>(OrderCollections.Orders, orders => orders
                .UniqueIndex("checkoutKey")
                .Index("paymentId")
                .Index("customerUserId", "stage", "createTimeMs")
                .Index("stage", "state", "createTimeMs")
                .Index("stage", "state", "expireTimeMs")
                .Index("stage", "createTimeMs")
                .ShardKey("customerUserId")
                .Json(OrdersJsonContext.Default.OrderDocument))
            .Collection<OrderParcelEntry>(OrderCollections.OrderParcels, parcels => parcels
                .Index("producerId", "createTimeMs")
                .Index("producerId", "state", "createTimeMs")
                .Index("customerUserId")
                .ShardKey("producerId")
                .Json(OrdersJsonContext.Default.OrderParcelEntry))
            .Collection<RefundDocument>(OrderCollections.Refunds, refunds => refunds
                .Index("orderId", "createTimeMs")
                .UniqueIndex("requestKey")
                .Json(OrdersJsonContext.Default.RefundDocument));
    }

    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions<CheckoutOptions>(builder, CheckoutOptions.SectionName);
        AddOptions<VatOptions>(builder, VatOptions.SectionName);
        AddOptions<CashOnDeliveryOptions>(builder, CashOnDeliveryOptions.SectionName);
        AddOptions<PaymentOptions>(builder, PaymentOptions.SectionName);

        // Unset unless a crash test arms points (test-only).
        builder.Services.AddOptions<CrashPointOptions>().Bind(builder.Configuration.GetSection(CrashPointOptions.SectionName));

        builder.AddGrpcServiceClient<ProductService.ProductServiceClient>("catalog");
        builder.AddGrpcServiceClient<ProducerService.ProducerServiceClient>("catalog");
        builder.AddGrpcServiceClient<InventoryService.InventoryServiceClient>("catalog");
        builder.AddGrpcServiceClient<RateService.RateServiceClient>("shipping");
        builder.AddGrpcServiceClient<ShipmentService.ShipmentServiceClient>("shipping");
        builder.AddGrpcServiceClient<AddressService.AddressServiceClient>(AccessTokenOptions.AuthorityServiceIn(builder.Configuration));

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Card payments stay unavailable until the Stripe provider is registered (it replaces this default).
        services.TryAddSingleton<ICardPaymentProvider, UnconfiguredCardPayments>();
        services.AddSingleton<ICardPaymentOutcomes, CardPaymentOutcomes>();

        services.AddSingleton<CrashPoints>();
        services.AddSingleton<AddressBook>();
        services.AddSingleton<VatRates>();
        services.AddSingleton<OrderRepository>();
        services.AddHybridCache();
        services.AddSingleton<ProducerFacts>();
        services.AddSingleton<CheckoutPricing>();
        services.AddSingleton<CheckoutValidator>();
        services.AddSingleton<CheckoutCompletion>();
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<CheckoutPreview>();
        services.AddSingleton<PaymentInstructionsBuilder>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<OrderLifecycle>();
        services.AddSingleton<PaymentMethods>();
        services.AddSingleton<PaymentQueries>();
        services.AddSingleton<BankTransfers>();
        services.AddSingleton<RefundExecution>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<CheckoutRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckoutRecovery>());
        services.AddSingleton<PaymentExpirySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentExpirySweeper>());

        services.AddOutboxHandler<CommitReservationHandler>();
        services.AddOutboxHandler<ReleaseReservationHandler>();
        services.AddOutboxHandler<ReturnReservationHandler>();
        services.AddOutboxHandler<CreateShipmentHandler>();
        services.AddOutboxHandler<CancelShipmentsHandler>();
        services.AddOutboxHandler<ExecuteRefundHandler>();
        services.AddOutboxHandler<CancelCardPaymentHandler>();
        return builder;
    }

    private static void AddOptions<TOptions>(IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
