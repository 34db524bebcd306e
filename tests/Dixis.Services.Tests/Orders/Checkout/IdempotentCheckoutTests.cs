using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>PlaceOrder's request_id: a retry returns the same order; the key reused for another request creates nothing.</summary>
public sealed class IdempotentCheckoutTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_request_twice_returns_the_same_order_and_holds_stock_once()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 3)), PaymentMethod.BankTransfer);

        var first = await shopper.Place(request);
        var again = await shopper.Place(request);

        Assert.Equal(first.Order.Id, again.Order.Id);
        Assert.Equal(first.PaymentInstructions, again.PaymentInstructions);
        Assert.Equal(97, (await platform.StockAsync(oil.Sku)).Available);
        Assert.Single((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), shopper.Token, cancellationToken: Cancellation)).Orders);
    }

    [Fact]
    public async Task Concurrent_duplicates_place_one_order()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return (await shopper.Place(request)).Order.Id;
            }
            catch (RpcException retry) when (retry.StatusCode == StatusCode.Aborted)
            {
                return null;
            }
        }));

        Assert.Single(attempts.Where(id => id is not null).Distinct());
        Assert.Equal(99, (await platform.StockAsync(oil.Sku)).Available);
        Assert.Single((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), shopper.Token, cancellationToken: Cancellation)).Orders);
    }

    [Fact]
    public async Task The_same_request_id_with_another_cart_fails_and_creates_nothing()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var soap = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 1)));
        await shopper.Place(request);

        var reused = request.Clone();
        reused.CartId = await shopper.GuestCartAsync((soap.Sku, 1));
        await RpcAssert.FailsAsync(() => shopper.Place(reused), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");

        var changed = request.Clone();
        changed.CustomerNote = "leave it at the door";
        await RpcAssert.FailsAsync(() => shopper.Place(changed), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");

        Assert.Equal(100, (await platform.StockAsync(soap.Sku)).Available);
        Assert.Single((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), TestCallers.Admin, cancellationToken: Cancellation)).Orders);
    }

    [Fact]
    public async Task Request_ids_are_scoped_to_the_customer()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var first = new Shopper(platform);
        var second = new Shopper(platform);
        var request = Shopper.Request(await first.CartAsync((oil.Sku, 1)));
        var placed = await first.Place(request);

        var theirs = request.Clone();
        theirs.CartId = await second.CartAsync((oil.Sku, 1));
        var other = await second.Place(theirs);

        Assert.NotEqual(placed.Order.Id, other.Order.Id);
        Assert.Equal(second.UserId, other.Order.CustomerUserId);
    }
}
