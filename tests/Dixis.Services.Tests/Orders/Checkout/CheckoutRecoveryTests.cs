using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Checkout;

/// <summary>
/// A checkout whose process died after the stock was reserved but before the order was placed converges: the recovery
/// job places it (stock held once), or abandons it when its hold is gone. The crash is simulated by putting a placed
/// order back into the state such a crash leaves (stage Reserving, no parcel index entries), then restarting Orders.
/// </summary>
public sealed class CheckoutRecoveryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Recovery runs at start and then hourly, so a stuck order is resumed by the restart, not by the running instance.
    private static readonly Dictionary<string, string?> RecoveryAtStart = new()
    {
        ["Orders:Checkout:RecoveryDelay"] = "00:00:00.100",
        ["Orders:Checkout:RecoveryInterval"] = "01:00:00",
    };

    /// <summary>The order as a crash right after ReserveStock leaves it: stored, stock held, not placed, invisible.</summary>
    private static async Task RewindToReservingAsync(CommercePlatform platform, string orderId)
    {
        var repository = platform.OrderStore();
        var stored = (await repository.GetAsync(orderId, Cancellation))!;
        var order = stored.Value;
        order.Stage = CheckoutStage.Reserving;
        order.State = OrderState.Unspecified;
        order.Order.State = OrderState.Unspecified;
        order.Order.History.Clear();
        order.ExpireTimeMs = null;
        order.Order.ExpireTime = null;
        order.Payment.ExpireTime = null;
        order.Payment.BankTransferReference = string.Empty;
        await repository.Orders.ReplaceAsync(orderId, order, stored.Version, Cancellation);
        foreach (var entry in await repository.Parcels.ListAllAsync(Filter.Eq("producerId", order.Order.Parcels[0].ProducerId), Cancellation))
        {
            await repository.Parcels.DeleteAsync(entry.Id, cancellationToken: Cancellation);
        }
    }

    [Fact]
    public async Task A_checkout_stuck_after_its_reservation_is_placed_after_a_restart_holding_its_stock_once()
    {
        await using var platform = await OrderPlatform.StartAsync(RecoveryAtStart);
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 2)), PaymentMethod.BankTransfer);
        var placed = await shopper.Place(request);
        await RewindToReservingAsync(platform, placed.Order.Id);
        await Task.Delay(200, Cancellation);
        await RpcAssert.FailsAsync(() => platform.Orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation), StatusCode.NotFound);

        await platform.RestartAsync("orders");

        var recovered = await Eventually.ReadAsync(async () => (await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), shopper.Token, cancellationToken: Cancellation)).Orders, orders => orders.Count == 1);
        var order = Assert.Single(recovered);
        Assert.Equal((placed.Order.Id, OrderState.PendingPayment), (order.Id, order.State));
        Assert.Equal(order.OrderNumber, (await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = order.PaymentId }, shopper.Token, cancellationToken: Cancellation)).BankTransferReference);
        var stock = await platform.StockAsync(oil.Sku);
        Assert.Equal((100L, 2L, 98L), (stock.OnHand, stock.Reserved, stock.Available));

        // The customer's retry of the same request gets the same order.
        Assert.Equal(placed.Order.Id, (await shopper.Place(request)).Order.Id);
    }

    [Fact]
    public async Task A_stuck_checkout_whose_hold_is_gone_is_abandoned_and_its_key_freed()
    {
        await using var platform = await OrderPlatform.StartAsync(RecoveryAtStart);
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));
        await RewindToReservingAsync(platform, placed.Order.Id);
        await platform.Catalog.Inventory.ReleaseReservationAsync(new ReleaseReservationRequest { OrderId = placed.Order.Id, Reason = "expired" }, cancellationToken: Cancellation);
        await Task.Delay(200, Cancellation);

        Assert.Equal(1, await platform.OrdersComponent<CheckoutRecovery>().RecoverDueAsync(Cancellation));

        var abandoned = await platform.StoredAsync(placed.Order.Id);
        Assert.Equal(CheckoutStage.Abandoned, abandoned.Stage);
        Assert.Null(abandoned.CheckoutKey);
        Assert.Empty((await platform.Orders.ListOrdersAsync(new ListOrdersRequest(), TestCallers.Admin, cancellationToken: Cancellation)).Orders);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
        Assert.Equal(0, await platform.OrdersComponent<CheckoutRecovery>().RecoverDueAsync(Cancellation));
    }
}
