using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Lifecycle;

/// <summary>Who sees which order: customers their own, producers their own lines and parcels only, admins all with filters and paging.</summary>
public sealed class OrderVisibilityTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_customer_gets_not_found()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var alice = new Shopper(platform);
        var placed = await alice.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1));
        var bob = new Shopper(platform);

        await RpcAssert.FailsAsync(() => platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, bob.Token, cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
        await RpcAssert.FailsAsync(() => platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = "no-such-order" }, bob.Token, cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
        await RpcAssert.FailsAsync(() => platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = placed.Order.PaymentId }, bob.Token, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, bob.Token, cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
        Assert.Empty((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), bob.Token, cancellationToken: Cancellation)).Orders);
        await RpcAssert.FailsAsync(() => platform.Orders.ListOrdersAsync(new ListOrdersRequest { CustomerUserId = alice.UserId }, bob.Token, cancellationToken: Cancellation), StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_producer_sees_only_their_own_lines_and_parcel_and_no_payment_details()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1), (soap.Sku, 2));

        var seen = await platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation);

        Assert.Equal(oil.Sku, Assert.Single(seen.Lines).Sku);
        Assert.Equal(oil.Producer.Id, Assert.Single(seen.Parcels).ProducerId);
        Assert.Empty(seen.PaymentId);
        Assert.Empty(seen.ContactEmail);
        Assert.Null(seen.Totals.GrandTotal);
        Assert.Equal(placed.Order.ShippingAddress, seen.ShippingAddress);
        var listed = await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation);
        Assert.Equal(oil.Sku, Assert.Single(Assert.Single(listed.Orders).Lines).Sku);
        await RpcAssert.FailsAsync(() => platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = placed.Order.PaymentId }, TestCallers.Producer(oil.Producer.Id), cancellationToken: Cancellation), StatusCode.NotFound);

        var stranger = await platform.Catalog.NewProducerAsync();
        await RpcAssert.FailsAsync(() => platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, TestCallers.Producer(stranger.Id), cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
    }

    [Fact]
    public async Task Admins_list_all_orders_newest_first_with_filters_and_pages()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var alice = new Shopper(platform);
        var bob = new Shopper(platform);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await alice.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1))).Order.Id);
        }

        var start = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        ids.Add((await bob.OrderAsync(PaymentMethod.BankTransfer, (soap.Sku, 1))).Order.Id);
        ids.Add((await bob.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1), (soap.Sku, 1))).Order.Id);

        var pages = new List<Order>();
        string token = string.Empty;
        do
        {
            var page = await platform.Orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 2, PageToken = token }, TestCallers.Admin, cancellationToken: Cancellation);
            Assert.True(page.Orders.Count <= 2);
            pages.AddRange(page.Orders);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(Enumerable.Reverse(ids), pages.Select(order => order.Id));

        async Task<IEnumerable<string>> ListAsync(ListOrdersRequest request) =>
            (await platform.Orders.ListOrdersAsync(request, TestCallers.Admin, cancellationToken: Cancellation)).Orders.Select(order => order.Id);

        Assert.Equal([ids[3]], await ListAsync(new ListOrdersRequest { State = OrderState.PendingPayment }));
        Assert.Equal([ids[4], ids[3]], await ListAsync(new ListOrdersRequest { CustomerUserId = bob.UserId }));
        Assert.Equal([ids[4], ids[3]], await ListAsync(new ListOrdersRequest { ProducerId = soap.Producer.Id }));
        Assert.Equal([ids[4], ids[2], ids[1], ids[0]], await ListAsync(new ListOrdersRequest { ProducerId = oil.Producer.Id, State = OrderState.Confirmed }));
        Assert.Equal([ids[4], ids[3]], await ListAsync(new ListOrdersRequest { StartTime = start }));
        Assert.Equal([ids[2], ids[1], ids[0]], await ListAsync(new ListOrdersRequest { EndTime = start }));
        Assert.Equal([ids[2], ids[1], ids[0]], (await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), alice.Token, cancellationToken: Cancellation)).Orders.Select(order => order.Id));

        var first = await platform.Orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1 }, TestCallers.Admin, cancellationToken: Cancellation);
        await RpcAssert.InvalidFieldAsync(() => platform.Orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1, PageToken = first.NextPageToken, State = OrderState.Confirmed }, TestCallers.Admin, cancellationToken: Cancellation),
            "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(() => platform.Orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 101 }, TestCallers.Admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
    }
}
