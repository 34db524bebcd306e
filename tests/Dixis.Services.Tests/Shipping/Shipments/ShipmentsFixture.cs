using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Shipping.Carriers;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Dixis.Services.Tests.Shipping.Shipments;

/// <summary>
/// One real shipping service (in-process, real SQLite file, the Greek default rate table) shared by the tests of a
/// class, with the Orders service replaced by <see cref="RecordingOrderServiceFake"/> at the network edge: the outbox's
/// calls leave through service discovery (<c>services:orders:grpc:0</c>) as in production and arrive at the fake. The
/// <c>acs</c> carrier's API is <see cref="HoldingCarrierFake"/>.
/// Tests keep out of each other's way with fresh order, producer and customer ids.
/// </summary>
public sealed class ShipmentsFixture : IAsyncLifetime
{
    /// <summary>The webhook secret of <c>dixis-courier</c> (test configuration, not a real secret).</summary>
    public const string WebhookSecret = "test-webhook-secret-of-dixis-courier-0123456789";

    /// <summary>The secret being rotated out, still accepted.</summary>
    public const string PreviousWebhookSecret = "test-previous-webhook-secret-of-dixis-courier-01";

    /// <summary>Delivered by the built-in carrier, collects cash (default table).</summary>
    public const string CashOnDeliveryLevel = "dixis-standard";

    /// <summary>ELTA standard: no cash on delivery (default table).</summary>
    public const string NoCashOnDeliveryLevel = "elta-standard";

    private IRunningService? service;
    private GrpcChannel? channel;

    public RecordingOrderServiceFake Orders { get; } = new();

    /// <summary>The <c>acs</c> carrier's API (see <see cref="HoldingCarrierFake"/>).</summary>
    public HoldingCarrierFake Carrier { get; } = new();

    public IRunningService Service => service ?? throw new InvalidOperationException("The fixture is not started.");

    public ShipmentService.ShipmentServiceClient Shipments { get; private set; } = null!;

    public TrackingService.TrackingServiceClient Tracking { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Orders.StartAsync();
        var orders = Orders.Handler;
        service = DixisServices.Start("shipping", new ServiceSettings
        {
            Values =
            {
                ["Shipping:Carriers:dixis-courier:WebhookSecret"] = WebhookSecret,
                ["Shipping:Carriers:dixis-courier:PreviousWebhookSecret"] = PreviousWebhookSecret,
                ["services:orders:grpc:0"] = "http://orders.test",
                ["Persistence:Outbox:PollInterval"] = "00:00:00.050",
                ["Persistence:Outbox:InitialBackoff"] = "00:00:00.100",
                ["Persistence:Outbox:MaxBackoff"] = "00:00:00.200",
            },
            Services = services =>
            {
                services.PostConfigureAll<HttpClientFactoryOptions>(options =>
                    options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = orders));
                services.AddSingleton<ICarrier>(Carrier);
            },
        });
        channel = service.CreateGrpcChannel();
        Shipments = new ShipmentService.ShipmentServiceClient(channel);
        Tracking = new TrackingService.TrackingServiceClient(channel);
        Http = service.CreateHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        channel?.Dispose();
        if (service is not null)
        {
            await service.DisposeAsync();
        }

        await Orders.DisposeAsync();
    }

    /// <summary>A name no other test uses: <c>prefix-1a2b3c4d5e</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A valid request for a new parcel of a new order, to Athens, by the built-in carrier.</summary>
    public static CreateShipmentRequest NewRequest(string? producerId = null, string? customerId = null, string serviceLevelId = CashOnDeliveryLevel)
    {
        var orderId = Unique("order");
        var parcelId = Unique("parcel");
        return new CreateShipmentRequest
        {
            RequestId = $"{orderId}/{parcelId}",
            OrderId = orderId,
            ParcelId = parcelId,
            ProducerId = producerId ?? Unique("producer"),
            CustomerUserId = customerId ?? Unique("customer"),
            ServiceLevelId = serviceLevelId,
            Destination = new PostalAddress
            {
                RegionCode = "GR",
                PostalCode = "10558",
                Locality = "Αθήνα",
                AdministrativeArea = "Αττική",
                AddressLines = { "Αδριανού 24", "2ος όροφος" },
                RecipientName = "Μαρία Παπαδοπούλου",
                PhoneNumber = "+302101234567",
            },
            OriginPostalCode = "71201",
            WeightGrams = 1800,
            Dimensions = new Dimensions { LengthMm = 300, WidthMm = 200, HeightMm = 150 },
            DeclaredValue = new Money { CurrencyCode = "EUR", AmountMinor = 4200 },
        };
    }

    public async Task<Shipment> CreateAsync(CreateShipmentRequest? request = null) =>
        await Shipments.CreateShipmentAsync(request ?? NewRequest(), cancellationToken: Cancellation);

    /// <summary>Reports an event as the shipment's producer (or <paramref name="caller"/>).</summary>
    public async Task<TrackingEvent> ReportAsync(Shipment shipment, TrackingEventKind kind, DateTimeOffset? at = null, Grpc.Core.Metadata? caller = null, string? requestId = null) =>
        await Tracking.AddTrackingEventAsync(
            new AddTrackingEventRequest
            {
                ShipmentId = shipment.Id,
                RequestId = requestId ?? Guid.NewGuid().ToString(),
                TrackingEvent = new TrackingEvent
                {
                    Kind = kind,
                    EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at ?? DateTimeOffset.UtcNow.AddSeconds(-1)),
                    Location = "Κέντρο διαλογής Αθήνας",
                    Description = $"{kind}",
                },
            },
            caller ?? ShippingCallers.Producer(shipment.ProducerId),
            cancellationToken: Cancellation);

    public async Task<Shipment> GetAsAdminAsync(Shipment shipment) =>
        await Shipments.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id }, ShippingCallers.Admin, cancellationToken: Cancellation);

    /// <summary>Posts a carrier webhook signed as a carrier does: HMAC-SHA256 over <c>t.body</c> with the carrier's secret.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string body, DateTimeOffset? signedAt = null, string secret = WebhookSecret, string carrierId = "dixis-courier", string? signatureHeader = null) =>
        CarrierWebhookRequests.PostAsync(Http, body, secret, carrierId, signedAt, signatureHeader);

    /// <summary>A carrier webhook body.</summary>
    public static string WebhookBody(string trackingNumber, string eventId, string kind, DateTimeOffset? at = null) =>
        CarrierWebhookRequests.Body(trackingNumber, eventId, kind, at);
}
