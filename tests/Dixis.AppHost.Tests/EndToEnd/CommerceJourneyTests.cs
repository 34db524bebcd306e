using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dixis.AppHost.Hosting;
using Dixis.AppHost.Tests.Fixtures;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.AppHost.Tests.EndToEnd;

/// <summary>
/// A new customer's first purchase through the gateway of the real platform, as the processes run it: register, search,
/// put two producers' products in a cart, quote shipping to Crete, check out with cash on delivery and see the order;
/// the producer ships the parcel and marks it delivered; the customer sees its timeline and the cash collected. Once
/// in native gRPC and once in JSON. The services reach each other only through their own endpoints and outboxes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommerceJourneyTests(PlatformFixture fixture)
{
    /// <summary>Heraklion, Crete: an island zone.</summary>
    private const string CretePostalCode = "71202";

    /// <summary>What the courier reports, in order, from pickup to the door.</summary>
    private static readonly TrackingEventKind[] CourierRound =
        [TrackingEventKind.Accepted, TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery, TrackingEventKind.Delivered];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An enum value's name as JSON transcoding writes it, e.g. <c>TRACKING_EVENT_KIND_ACCEPTED</c>.</summary>
    private static string JsonName(TrackingEventKind kind) =>
        ShipmentReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>(nameof(TrackingEventKind)).FindValueByNumber((int)kind).Name;

    [Fact]
    public async Task A_new_customer_buys_from_two_producers_with_cash_on_delivery_and_follows_the_parcel_over_grpc()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var auth = new AuthService.AuthServiceClient(channel);

        // Register and sign in.
        var email = $"e2e-buyer-{Guid.NewGuid():N}@dixis.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        var registered = await auth.RegisterAsync(new RegisterRequest { Email = email, Password = password, DisplayName = "Ελένη" }, deadline: Deadline(), cancellationToken: Cancellation);
        var customer = Bearer(registered.Tokens.AccessToken);

        // Search, and pick in-stock products of two producers.
        var (first, second) = await TwoProducersProductsAsync(new SearchService.SearchServiceClient(channel), new ProductService.ProductServiceClient(channel));

        // Cart: a guest cart first, merged at sign-in — as a shop that lets people browse before they register.
        var carts = new CartService.CartServiceClient(channel);
        var guest = await carts.CreateCartAsync(new CreateCartRequest(), deadline: Deadline(), cancellationToken: Cancellation);
        await carts.AddCartLineAsync(new AddCartLineRequest { CartId = guest.Id, Sku = first.Sku, Quantity = 2 }, deadline: Deadline(), cancellationToken: Cancellation);
        await carts.AddCartLineAsync(new AddCartLineRequest { CartId = guest.Id, Sku = second.Sku, Quantity = 1 }, deadline: Deadline(), cancellationToken: Cancellation);
        var cart = await carts.MergeCartAsync(new MergeCartRequest { GuestCartId = guest.Id }, customer, Deadline(), Cancellation);
        Assert.Equal(2, cart.Lines.Count);
        Assert.Equal(3, cart.ItemCount);
        Assert.All(cart.Lines, line => Assert.Empty(line.Notes));

        // Quote shipping to Crete: one parcel per producer, each with options.
        var orders = new OrderService.OrderServiceClient(channel);
        var crete = CreteAddress();
        var preview = await orders.PreviewOrderAsync(
            new PreviewOrderRequest { CartId = cart.Id, ShippingAddress = crete, PaymentMethod = PaymentMethod.CashOnDelivery }, customer, Deadline(), Cancellation);
        Assert.Equal(2, preview.Parcels.Count);
        Assert.All(preview.Parcels, parcel => Assert.NotEmpty(parcel.Options));
        Assert.Contains(preview.PaymentMethods, method => method.Method == PaymentMethod.CashOnDelivery && method.Available);

        // Check out with cash on delivery: confirmed at once, at the total the preview showed.
        var placed = await orders.PlaceOrderAsync(
            new PlaceOrderRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                CartId = cart.Id,
                ShippingAddress = crete,
                PaymentMethod = PaymentMethod.CashOnDelivery,
                ExpectedTotal = preview.Totals.GrandTotal,
            },
            customer, Deadline(), Cancellation);
        Assert.Equal(OrderState.Confirmed, placed.Order.State);
        Assert.Equal(2, placed.Order.Parcels.Count);
        Assert.Equal(preview.Totals.GrandTotal, placed.Order.Totals.GrandTotal);
        Assert.Equal(placed.Order.Totals.GrandTotal, placed.PaymentInstructions.CashOnDelivery.AmountDue);

        var mine = await orders.ListOrdersAsync(new ListOrdersRequest(), customer, Deadline(), Cancellation);
        Assert.Contains(mine.Orders, order => order.Id == placed.Order.Id);

        // The producer of the first product: a user the administrator makes that producer's.
        var producer = await ProducerUserAsync(auth, first.ProducerId);
        var parcel = placed.Order.Parcels.Single(p => p.ProducerId == first.ProducerId);

        // The shipment is created by the orders outbox, and reported back by the shipping outbox.
        var prepared = await EventuallyAsync(
            () => orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, producer, Deadline(), Cancellation).ResponseAsync,
            order => order.Parcels.Single(p => p.Id == parcel.Id) is { State: ParcelState.Preparing, ShipmentId.Length: > 0, TrackingNumber.Length: > 0 });
        var shipmentId = prepared.Parcels.Single(p => p.Id == parcel.Id).ShipmentId;
        Assert.DoesNotContain(prepared.Lines, line => line.ProducerId != first.ProducerId);

        // The producer hands the parcel over, then the courier delivers it (and collects the cash).
        var tracking = new TrackingService.TrackingServiceClient(channel);
        foreach (var kind in CourierRound)
        {
            await tracking.AddTrackingEventAsync(
                new AddTrackingEventRequest
                {
                    ShipmentId = shipmentId,
                    RequestId = Guid.NewGuid().ToString(),
                    TrackingEvent = new TrackingEvent { Kind = kind, EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1)), Location = "Ηράκλειο" },
                },
                producer, Deadline(), Cancellation);
        }

        var delivered = await EventuallyAsync(
            () => orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, customer, Deadline(), Cancellation).ResponseAsync,
            order => order.Parcels.Single(p => p.Id == parcel.Id).State == ParcelState.Delivered);
        Assert.Contains(delivered.History, change => change.ParcelId == parcel.Id && change.ParcelToState == ParcelState.Shipped);
        Assert.Contains(delivered.History, change => change.ParcelId == parcel.Id && change.ParcelToState == ParcelState.Delivered);
        Assert.True(delivered.Totals.PaidTotal.AmountMinor > 0, "A delivered cash-on-delivery parcel marks its part paid.");

        // The customer's timeline of the parcel.
        var timeline = await tracking.ListTrackingEventsAsync(new ListTrackingEventsRequest { ShipmentId = shipmentId }, customer, Deadline(), Cancellation);
        Assert.Equal(CourierRound, timeline.TrackingEvents.Select(e => e.Kind).ToArray());
    }

    [Fact]
    public async Task A_new_customer_buys_from_two_producers_with_cash_on_delivery_and_follows_the_parcel_in_json()
    {
        using var http = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http") };
        var email = $"e2e-json-{Guid.NewGuid():N}@dixis.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        using var registered = await PostAsync(http, "/v1/auth:register", new { email, password, displayName = "Νίκος" }, token: null);
        var token = registered.RootElement.GetProperty("tokens").GetProperty("accessToken").GetString()!;

        using var found = await GetAsync(http, $"/v1/products:search?query={Uri.EscapeDataString("μέλι")}&inStockOnly=true&pageSize=50", token: null);
        var hits = found.RootElement.GetProperty("results").EnumerateArray().ToList();
        var byProducer = hits.GroupBy(hit => hit.GetProperty("producerId").GetString()).Take(2).Select(group => group.First()).ToList();
        if (byProducer.Count < 2)
        {
            using var more = await GetAsync(http, "/v1/products:search?inStockOnly=true&pageSize=50", token: null);
            byProducer = more.RootElement.GetProperty("results").EnumerateArray().GroupBy(hit => hit.GetProperty("producerId").GetString()).Take(2).Select(group => group.First()).ToList();
        }

        Assert.Equal(2, byProducer.Count);
        var skus = new List<string>();
        foreach (var hit in byProducer)
        {
            using var product = await GetAsync(http, $"/v1/products/{hit.GetProperty("productId").GetString()}", token: null);
            skus.Add(product.RootElement.GetProperty("variants").EnumerateArray().First(v => v.TryGetProperty("inStock", out var inStock) && inStock.GetBoolean()).GetProperty("sku").GetString()!);
        }

        // A signed-in customer's own cart.
        using var cart = await GetAsync(http, "/v1/cart", token);
        var cartId = cart.RootElement.GetProperty("id").GetString()!;
        foreach (var sku in skus)
        {
            using var _ = await PostAsync(http, $"/v1/carts/{cartId}/lines", new { sku, quantity = 1 }, token);
        }

        var address = new { regionCode = "GR", postalCode = CretePostalCode, locality = "Ηράκλειο", addressLines = new[] { "Λεωφόρος Κνωσού 10" }, recipientName = "Νίκος Παπαδάκης", phoneNumber = "+302810123456" };
        using var preview = await PostAsync(http, "/v1/orders:preview", new { cartId, shippingAddress = address, paymentMethod = "PAYMENT_METHOD_CASH_ON_DELIVERY" }, token);
        Assert.Equal(2, preview.RootElement.GetProperty("parcels").GetArrayLength());

        using var placed = await PostAsync(http, "/v1/orders", new
        {
            requestId = Guid.NewGuid().ToString(),
            cartId,
            shippingAddress = address,
            paymentMethod = "PAYMENT_METHOD_CASH_ON_DELIVERY",
            expectedTotal = preview.RootElement.GetProperty("totals").GetProperty("grandTotal"),
        }, token);
        var order = placed.RootElement.GetProperty("order");
        Assert.Equal("ORDER_STATE_CONFIRMED", order.GetProperty("state").GetString());
        var orderId = order.GetProperty("id").GetString()!;

        using var seen = await GetAsync(http, $"/v1/orders/{orderId}", token);
        Assert.Equal(2, seen.RootElement.GetProperty("parcels").GetArrayLength());

        // The first parcel's producer ships it and marks it delivered, in JSON too.
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var parcel = seen.RootElement.GetProperty("parcels")[0];
        var producerToken = (await ProducerUserAsync(new AuthService.AuthServiceClient(channel), parcel.GetProperty("producerId").GetString()!))
            .Single(entry => entry.Key == "authorization").Value["Bearer ".Length..];
        var parcelId = parcel.GetProperty("id").GetString()!;
        var shipmentId = await EventuallyAsync(
            async () =>
            {
                using var current = await GetAsync(http, $"/v1/orders/{orderId}", producerToken);
                var mineOnly = current.RootElement.GetProperty("parcels").EnumerateArray().Single(p => p.GetProperty("id").GetString() == parcelId);
                return mineOnly.TryGetProperty("shipmentId", out var id) ? id.GetString() ?? string.Empty : string.Empty;
            },
            id => id.Length > 0);
        foreach (var kind in CourierRound.Select(JsonName))
        {
            using var _ = await PostAsync(http, $"/v1/shipments/{shipmentId}/trackingEvents?requestId={Guid.NewGuid()}", new { kind, eventTime = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O"), location = "Ηράκλειο" }, producerToken);
        }

        await EventuallyAsync(
            async () =>
            {
                using var current = await GetAsync(http, $"/v1/orders/{orderId}", token);
                return current.RootElement.GetProperty("parcels").EnumerateArray().Single(p => p.GetProperty("id").GetString() == parcelId).GetProperty("state").GetString();
            },
            state => state == "PARCEL_STATE_DELIVERED");

        using var timeline = await GetAsync(http, $"/v1/shipments/{shipmentId}/trackingEvents", token);
        Assert.Equal(
            CourierRound.Select(JsonName).ToArray(),
            timeline.RootElement.GetProperty("trackingEvents").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToArray());
    }

    [Fact]
    public async Task A_customer_checks_out_to_an_address_of_their_address_book_and_nobody_else_can_use_it()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var auth = new AuthService.AuthServiceClient(channel);
        var alice = await NewCustomerAsync(auth);
        var bob = await NewCustomerAsync(auth);
        var saved = await new AddressService.AddressServiceClient(channel).CreateAddressAsync(
            new CreateAddressRequest { Address = new Address { Label = "Σπίτι", PostalAddress = CreteAddress() } }, alice, Deadline(), Cancellation);
        var (first, _) = await TwoProducersProductsAsync(new SearchService.SearchServiceClient(channel), new ProductService.ProductServiceClient(channel));
        var carts = new CartService.CartServiceClient(channel);
        var orders = new OrderService.OrderServiceClient(channel);

        var aliceCart = await carts.GetMyCartAsync(new GetMyCartRequest(), alice, Deadline(), Cancellation);
        await carts.AddCartLineAsync(new AddCartLineRequest { CartId = aliceCart.Id, Sku = first.Sku, Quantity = 1 }, alice, Deadline(), Cancellation);
        var placed = await orders.PlaceOrderAsync(
            new PlaceOrderRequest { RequestId = Guid.NewGuid().ToString(), CartId = aliceCart.Id, AddressId = saved.Id, PaymentMethod = PaymentMethod.CashOnDelivery },
            alice, Deadline(), Cancellation);

        Assert.Equal(OrderState.Confirmed, placed.Order.State);
        Assert.Equal(CreteAddress(), placed.Order.ShippingAddress);

        // Bob knows Alice's address id: it names nothing in his address book, and nothing is ordered.
        var bobCart = await carts.GetMyCartAsync(new GetMyCartRequest(), bob, Deadline(), Cancellation);
        await carts.AddCartLineAsync(new AddCartLineRequest { CartId = bobCart.Id, Sku = first.Sku, Quantity = 1 }, bob, Deadline(), Cancellation);
        var refused = await Assert.ThrowsAsync<RpcException>(() => orders.PlaceOrderAsync(
            new PlaceOrderRequest { RequestId = Guid.NewGuid().ToString(), CartId = bobCart.Id, AddressId = saved.Id, PaymentMethod = PaymentMethod.CashOnDelivery },
            bob, Deadline(), Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Contains("address book", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await orders.ListOrdersAsync(new ListOrdersRequest(), bob, Deadline(), Cancellation)).Orders);
    }

    private static async Task<Metadata> NewCustomerAsync(AuthService.AuthServiceClient auth)
    {
        var registered = await auth.RegisterAsync(
            new RegisterRequest { Email = $"e2e-buyer-{Guid.NewGuid():N}@dixis.test", Password = $"Pw-{Guid.NewGuid():N}", DisplayName = "Πελάτης" },
            deadline: Deadline(), cancellationToken: Cancellation);
        return Bearer(registered.Tokens.AccessToken);
    }

    private static PostalAddress CreteAddress() => new()
    {
        RegionCode = "GR",
        PostalCode = CretePostalCode,
        Locality = "Ηράκλειο",
        AddressLines = { "Λεωφόρος Κνωσού 10" },
        RecipientName = "Ελένη Μανωλάκη",
        PhoneNumber = "+302810123456",
    };

    /// <summary>Two in-stock SKUs of two different producers, found by searching the demo catalog.</summary>
    private static async Task<(StockedSku First, StockedSku Second)> TwoProducersProductsAsync(SearchService.SearchServiceClient search, ProductService.ProductServiceClient products)
    {
        var found = await search.SearchProductsAsync(new SearchProductsRequest { Query = "μέλι", InStockOnly = true, PageSize = 50 }, deadline: Deadline(), cancellationToken: Cancellation);
        var picks = found.Results.GroupBy(hit => hit.ProducerId).Select(group => group.First()).Take(2).ToList();
        if (picks.Count < 2)
        {
            found = await search.SearchProductsAsync(new SearchProductsRequest { InStockOnly = true, PageSize = 50 }, deadline: Deadline(), cancellationToken: Cancellation);
            picks = found.Results.GroupBy(hit => hit.ProducerId).Select(group => group.First()).Take(2).ToList();
        }

        Assert.Equal(2, picks.Count);
        var stocked = new List<StockedSku>();
        foreach (var hit in picks)
        {
            var product = await products.GetProductAsync(new GetProductRequest { ProductId = hit.ProductId }, deadline: Deadline(), cancellationToken: Cancellation);
            stocked.Add(new StockedSku(product.Variants.First(variant => variant.InStock).Sku, product.ProducerId));
        }

        return (stocked[0], stocked[1]);
    }

    /// <summary>A new user the development administrator makes a user of <paramref name="producerId"/>, signed in again to carry the role.</summary>
    private async Task<Metadata> ProducerUserAsync(AuthService.AuthServiceClient auth, string producerId)
    {
        var administrator = DevelopmentAdministrator.LoadOrCreate(fixture.DataDirectory);
        var admin = Bearer((await auth.LoginAsync(new LoginRequest { Email = administrator.Email, Password = administrator.Password }, deadline: Deadline(), cancellationToken: Cancellation)).Tokens.AccessToken);
        var email = $"e2e-producer-{Guid.NewGuid():N}@dixis.test";
        var password = $"Pw-{Guid.NewGuid():N}";
        var user = await auth.RegisterAsync(new RegisterRequest { Email = email, Password = password, DisplayName = "Παραγωγός" }, deadline: Deadline(), cancellationToken: Cancellation);
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        await new UserAdminService.UserAdminServiceClient(channel).SetUserRolesAsync(
            new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Customer, Role.Producer }, ProducerId = producerId }, admin, Deadline(), Cancellation);
        var login = await auth.LoginAsync(new LoginRequest { Email = email, Password = password }, deadline: Deadline(), cancellationToken: Cancellation);
        return Bearer(login.Tokens.AccessToken);
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) =>
        Polling.UntilAsync(read, done, TimeSpan.FromSeconds(30), Cancellation);

    private static async Task<JsonDocument> PostAsync(HttpClient http, string path, object body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        return await SendAsync(http, request, token);
    }

    private static async Task<JsonDocument> GetAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync(http, request, token);
    }

    private static async Task<JsonDocument> SendAsync(HttpClient http, HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static Metadata Bearer(string accessToken) => [new("authorization", $"Bearer {accessToken}")];

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20);

    private sealed record StockedSku(string Sku, string ProducerId);
}
