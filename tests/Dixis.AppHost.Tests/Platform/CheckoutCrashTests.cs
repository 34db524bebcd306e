using System.Diagnostics;
using Dixis.AppHost.Hosting;
using Dixis.AppHost.Tests.Fixtures;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.AppHost.Tests.Platform;

/// <summary>
/// The Orders process dies mid-checkout — killed by itself at an armed crash point (<c>Orders:CrashPoints</c>, a
/// test-only switch the fixture enables) — and the AppHost restarts it on the same data. Each order then converges:
/// the customer's retry with the same idempotency key gets the one order, the stock is held exactly once, and the
/// shipments are created exactly once per parcel.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CheckoutCrashTests(PlatformFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killed_between_reservation_and_order_creation_the_checkout_converges_to_one_order_and_one_hold()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var (admin, customer) = await SignInAsync(channel);
        var sku = await StockedSkuAsync(channel, admin);
        var before = await AvailableAsync(channel, admin, sku);
        var cartId = await FilledCartAsync(channel, customer, sku, quantity: 2);

        var request = CashOnDelivery(cartId);
        var restarts = fixture.Platform.Resource("orders").Restarts;
        fixture.ArmOrdersCrashPoint("checkout.after-reservation");
        var orders = new OrderService.OrderServiceClient(channel);
        try
        {
            await orders.PlaceOrderAsync(request, customer, Deadline(), Cancellation);
        }
        catch (RpcException)
        {
            // The answer is lost with the process (the gateway may also have retried into the restart).
        }

        await WaitForRestartAsync("orders", restarts);

        // The customer's client retries with the same key, as it must after a lost answer: the same single order.
        var placed = await RetryWhileUnavailableAsync(() => orders.PlaceOrderAsync(request, customer, Deadline(), Cancellation).ResponseAsync);
        Assert.Equal(OrderState.Confirmed, placed.Order.State);
        var again = await orders.PlaceOrderAsync(request, customer, Deadline(), Cancellation);
        Assert.Equal(placed.Order.Id, again.Order.Id);

        var mine = await orders.ListOrdersAsync(new ListOrdersRequest(), customer, Deadline(), Cancellation);
        Assert.Single(mine.Orders, order => order.Lines.Any(line => line.Sku == sku));
        Assert.Equal(before - 2, await AvailableAsync(channel, admin, sku));
    }

    [Fact]
    public async Task Killed_between_payment_and_shipment_creation_the_paid_order_gets_each_shipment_exactly_once()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        var (admin, customer) = await SignInAsync(channel);
        var sku = await StockedSkuAsync(channel, admin);
        var before = await AvailableAsync(channel, admin, sku);
        var orders = new OrderService.OrderServiceClient(channel);
        var bankRequest = new PlaceOrderRequest(CashOnDelivery(await FilledCartAsync(channel, customer, sku, quantity: 1))) { PaymentMethod = PaymentMethod.BankTransfer };
        var pending = await orders.PlaceOrderAsync(bankRequest, customer, Deadline(), Cancellation);
        Assert.Equal(OrderState.PendingPayment, pending.Order.State);

        // The administrator records the transfer; the process dies after the payment is stored, before any effect runs.
        var restarts = fixture.Platform.Resource("orders").Restarts;
        fixture.ArmOrdersCrashPoint("payment.before-shipment-effects");
        var payments = new PaymentService.PaymentServiceClient(channel);
        var confirm = new ConfirmBankTransferRequest
        {
            PaymentId = pending.Order.PaymentId,
            ReceivedAmount = pending.Order.Totals.GrandTotal,
            BankReference = "E2E-CRASH",
            RequestId = Guid.NewGuid().ToString(),
        };
        try
        {
            await payments.ConfirmBankTransferAsync(confirm, admin, Deadline(), Cancellation);
        }
        catch (RpcException)
        {
            // The answer is lost with the process; the payment was stored (or the retry below stores it).
        }

        await WaitForRestartAsync("orders", restarts);
        var paid = await RetryWhileUnavailableAsync(() => payments.ConfirmBankTransferAsync(confirm, admin, Deadline(), Cancellation).ResponseAsync);
        Assert.Equal(PaymentState.Succeeded, paid.State);

        var shipments = new ShipmentService.ShipmentServiceClient(channel);
        var created = await EventuallyAsync(
            () => shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = pending.Order.Id }, admin, Deadline(), Cancellation).ResponseAsync,
            list => list.Shipments.Count >= pending.Order.Parcels.Count);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        var settled = await shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = pending.Order.Id }, admin, Deadline(), Cancellation);
        Assert.Equal(pending.Order.Parcels.Count, settled.Shipments.Count);
        Assert.Equal(created.Shipments.Select(s => s.Id).Order(), settled.Shipments.Select(s => s.Id).Order());

        var order = await orders.GetOrderAsync(new GetOrderRequest { OrderId = pending.Order.Id }, customer, Deadline(), Cancellation);
        Assert.Equal(OrderState.Paid, order.State);
        Assert.Single(order.History, change => change.ToState == OrderState.Paid && change.FromState == OrderState.PendingPayment);
        Assert.Equal(before - 1, await AvailableAsync(channel, admin, sku));
    }

    private async Task<(Metadata Admin, Metadata Customer)> SignInAsync(GrpcChannel channel)
    {
        var auth = new AuthService.AuthServiceClient(channel);
        var administrator = DevelopmentAdministrator.LoadOrCreate(fixture.DataDirectory);
        var admin = await auth.LoginAsync(new LoginRequest { Email = administrator.Email, Password = administrator.Password }, deadline: Deadline(), cancellationToken: Cancellation);
        var customer = await auth.RegisterAsync(
            new RegisterRequest { Email = $"crash-{Guid.NewGuid():N}@dixis.test", Password = $"Pw-{Guid.NewGuid():N}", DisplayName = "Crash" }, deadline: Deadline(), cancellationToken: Cancellation);
        return (Bearer(admin.Tokens.AccessToken), Bearer(customer.Tokens.AccessToken));
    }

    /// <summary>An in-stock SKU of the demo catalog, given 100 more units so the test's arithmetic is its own.</summary>
    private static async Task<string> StockedSkuAsync(GrpcChannel channel, Metadata admin)
    {
        var found = await new SearchService.SearchServiceClient(channel).SearchProductsAsync(new SearchProductsRequest { InStockOnly = true, PageSize = 20 }, deadline: Deadline(), cancellationToken: Cancellation);
        var product = await new ProductService.ProductServiceClient(channel).GetProductAsync(new GetProductRequest { ProductId = found.Results[Random.Shared.Next(found.Results.Count)].ProductId }, deadline: Deadline(), cancellationToken: Cancellation);
        var sku = product.Variants.First(variant => variant.InStock).Sku;
        await new InventoryService.InventoryServiceClient(channel).AdjustStockAsync(
            new AdjustStockRequest { Sku = sku, Delta = 100, Reason = AdjustmentReason.Restock, Note = "crash test", RequestId = Guid.NewGuid().ToString() }, admin, Deadline(), Cancellation);
        return sku;
    }

    private static async Task<long> AvailableAsync(GrpcChannel channel, Metadata admin, string sku) =>
        (await new InventoryService.InventoryServiceClient(channel).GetStockAsync(new GetStockRequest { Sku = sku }, admin, Deadline(), Cancellation)).Available;

    private static async Task<string> FilledCartAsync(GrpcChannel channel, Metadata customer, string sku, int quantity)
    {
        var carts = new CartService.CartServiceClient(channel);
        var cart = await carts.CreateCartAsync(new CreateCartRequest(), deadline: Deadline(), cancellationToken: Cancellation);
        await carts.AddCartLineAsync(new AddCartLineRequest { CartId = cart.Id, Sku = sku, Quantity = quantity }, deadline: Deadline(), cancellationToken: Cancellation);
        return cart.Id;
    }

    private static PlaceOrderRequest CashOnDelivery(string cartId) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        CartId = cartId,
        PaymentMethod = PaymentMethod.CashOnDelivery,
        ShippingAddress = new PostalAddress
        {
            RegionCode = "GR",
            PostalCode = "10431",
            Locality = "Αθήνα",
            AddressLines = { "Πατησίων 10" },
            RecipientName = "Crash Test",
            PhoneNumber = "+302101234567",
        },
    };

    private async Task WaitForRestartAsync(string resource, int restartsBefore)
    {
        var clock = Stopwatch.StartNew();
        while (fixture.Platform.Resource(resource) is var snapshot && !(snapshot.Restarts > restartsBefore && snapshot.IsReady))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{resource} was not restarted within 90 s: {snapshot}");
            await Task.Delay(200, Cancellation);
        }
    }

    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.Aborted && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250, Cancellation);
            }
        }
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) =>
        Polling.UntilAsync(read, done, TimeSpan.FromSeconds(30), Cancellation);

    private static Metadata Bearer(string accessToken) => [new("authorization", $"Bearer {accessToken}")];

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20);
}
