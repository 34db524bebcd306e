using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Services.Tests.Orders;
using Dixis.Services.Tests.Shipping.Shipments;
using Dixis.Testing.Tokens;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Services.Tests.Commerce;

/// <summary>
/// One <see cref="CommercePlatform"/> shared by the fulfilment tests of a class, with a webhook secret for the built-in
/// carrier and quick outboxes, and the steps those tests take: shipments of an order, producer and carrier events.
/// Tests keep out of each other's way with fresh products, producers and shoppers.
/// </summary>
public sealed class FulfilmentPlatformFixture : IAsyncLifetime
{
    /// <summary>The webhook secret of <c>dixis-courier</c> (test configuration, not a real secret).</summary>
    public const string WebhookSecret = "test-webhook-secret-of-dixis-courier-0123456789";

    private static readonly Dictionary<string, string?> QuickOutbox = new()
    {
        ["Persistence:Outbox:PollInterval"] = "00:00:00.050",
        ["Persistence:Outbox:InitialBackoff"] = "00:00:00.100",
        ["Persistence:Outbox:MaxBackoff"] = "00:00:00.200",
    };

    private CommercePlatform? platform;

    public CommercePlatform Platform => platform ?? throw new InvalidOperationException("The fixture is not started.");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var shipping = new Dictionary<string, string?>(QuickOutbox) { ["Shipping:Carriers:dixis-courier:WebhookSecret"] = WebhookSecret };
        platform = await CommercePlatform.StartAsync(new CommerceSettings
        {
            Shipping = new CommerceServiceSettings { Values = shipping },
            Orders = new CommerceServiceSettings { Values = new Dictionary<string, string?>(QuickOutbox) },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>A new shopper's order of one oil and two soaps of two new producers, paid by <paramref name="method"/>: two parcels.</summary>
    public async Task<TwoParcelOrder> PlaceTwoParcelOrderAsync(PaymentMethod method)
    {
        var oil = await Platform.SeedProductAsync();
        var soap = await Platform.SeedProductAsync();
        var shopper = new Shopper(Platform);
        var placed = await shopper.OrderAsync(method, (oil.Sku, 1), (soap.Sku, 2));
        return new TwoParcelOrder(oil, soap, shopper, placed.Order);
    }

    /// <summary>Waits until Shipping has both shipments of the order and the order shows both parcels PREPARING.</summary>
    public async Task<(IReadOnlyList<Shipment> Shipments, Order Order)> PreparingAsync(TwoParcelOrder placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        var shipments = await ShipmentsEventuallyAsync(placed.Order.Id, 2);
        var order = await OrderEventuallyAsync(placed.Shopper, placed.Order.Id, order => order.Parcels.All(parcel => parcel.State == ParcelState.Preparing));
        return (shipments, order);
    }

    /// <summary>The order's shipments as an admin lists them in Shipping.</summary>
    public async Task<IReadOnlyList<Shipment>> ShipmentsOfAsync(string orderId) =>
        (await Platform.Shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = orderId }, TestCallers.Admin, cancellationToken: Cancellation)).Shipments;

    /// <summary>Waits until Shipping has <paramref name="count"/> shipments of the order (and returns what it has then).</summary>
    public Task<IReadOnlyList<Shipment>> ShipmentsEventuallyAsync(string orderId, int count) =>
        Eventually.ReadAsync(() => ShipmentsOfAsync(orderId), shipments => shipments.Count == count);

    /// <summary>Waits until the order, as its customer reads it, satisfies <paramref name="done"/>.</summary>
    public Task<Order> OrderEventuallyAsync(Shopper shopper, string orderId, Func<Order, bool> done) =>
        Eventually.ReadAsync(() => shopper.GetAsync(orderId), done);

    /// <summary>The shipment's producer reports <paramref name="kind"/> through TrackingService.</summary>
    public async Task<TrackingEvent> ReportAsync(Shipment shipment, TrackingEventKind kind) =>
        await Platform.Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest
            {
                ShipmentId = shipment.Id,
                RequestId = Guid.NewGuid().ToString(),
                TrackingEvent = new TrackingEvent
                {
                    Kind = kind,
                    EventTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1)),
                    Location = "Κέντρο διαλογής Αθήνας",
                    Description = kind.ToString(),
                },
            },
            TestCallers.Producer(shipment.ProducerId),
            cancellationToken: Cancellation);

    /// <summary>The carrier reports <paramref name="kind"/> through its signed webhook (to the running Shipping, also after a restart).</summary>
    public async Task<HttpResponseMessage> CarrierReportsAsync(Shipment shipment, string kind)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        using var shippingHttp = Platform.ShippingService.CreateHttpClient();
        return await CarrierWebhookRequests.PostAsync(shippingHttp, CarrierWebhookRequests.Body(shipment.TrackingNumber, $"evt-{Guid.NewGuid()}", kind), WebhookSecret, shipment.CarrierId);
    }
}

/// <summary>An order of two producers' products as <see cref="FulfilmentPlatformFixture.PlaceTwoParcelOrderAsync"/> placed it.</summary>
public sealed record TwoParcelOrder(SeededProduct Oil, SeededProduct Soap, Shopper Shopper, Order Order);
