using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Payments;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Payments;

/// <summary>Bank transfers confirmed by an admin, and unpaid orders expiring.</summary>
public sealed class BankTransferTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ConfirmBankTransferRequest Confirm(Order order, long amountMinor) => new()
    {
        PaymentId = order.PaymentId,
        ReceivedAmount = new Money { CurrencyCode = "EUR", AmountMinor = amountMinor },
        BankReference = "NBG-2026-000123",
        RequestId = Guid.NewGuid().ToString(),
    };

    [Fact]
    public async Task A_confirmed_transfer_pays_the_order_once()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 2));
        var confirm = Confirm(placed.Order, placed.Order.Totals.GrandTotal.AmountMinor);

        var payment = await platform.Payments.ConfirmBankTransferAsync(confirm, TestCallers.Admin, cancellationToken: Cancellation);
        var replay = await platform.Payments.ConfirmBankTransferAsync(confirm, TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(PaymentState.Succeeded, payment.State);
        Assert.Equal(payment, replay);
        var paid = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.Paid, paid.State);
        Assert.Single(paid.History, change => change.ToState == OrderState.Paid && change.Actor.Kind == ActorKind.Admin);
        Assert.Equal(98, (await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.OnHand == 98)).OnHand);

        await RpcAssert.FailsAsync(() => platform.Payments.ConfirmBankTransferAsync(Confirm(placed.Order, placed.Order.Totals.GrandTotal.AmountMinor), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ILLEGAL_STATE_TRANSITION");
    }

    [Fact]
    public async Task A_short_transfer_leaves_the_order_unpaid()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));

        await RpcAssert.FailsAsync(() => platform.Payments.ConfirmBankTransferAsync(Confirm(placed.Order, placed.Order.Totals.GrandTotal.AmountMinor - 1), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "AMOUNT_SHORT");

        Assert.Equal(OrderState.PendingPayment, (await shopper.GetAsync(placed.Order.Id)).State);
    }

    [Fact]
    public async Task Only_admins_confirm_transfers_and_bad_fields_are_named()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));

        await RpcAssert.FailsAsync(() => platform.Payments.ConfirmBankTransferAsync(Confirm(placed.Order, 100_000), shopper.Token, cancellationToken: Cancellation), StatusCode.PermissionDenied);
        var bad = Confirm(placed.Order, 100_000);
        bad.RequestId = "again";
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.ConfirmBankTransferAsync(bad, TestCallers.Admin, cancellationToken: Cancellation), "request_id");
        var cod = await shopper.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1));
        await RpcAssert.FailsAsync(() => platform.Payments.ConfirmBankTransferAsync(Confirm(cod.Order, 100_000), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ILLEGAL_STATE_TRANSITION");
    }

    [Fact]
    public async Task An_unpaid_order_expires_releases_its_stock_and_can_no_longer_be_paid()
    {
        await using var platform = await OrderPlatform.StartAsync(new()
        {
            ["Orders:Payments:BankTransferExpiry"] = "00:00:01",
            ["Orders:Payments:ExpirySweepInterval"] = "00:00:00.200",
        });
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 4));
        Assert.Equal(96, (await platform.StockAsync(oil.Sku)).Available);

        var expired = await Eventually.ReadAsync(() => shopper.GetAsync(placed.Order.Id), order => order.State == OrderState.PaymentFailed);

        Assert.Equal(OrderState.PaymentFailed, expired.State);
        Assert.Equal(ActorKind.System, expired.History.Last().Actor.Kind);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = expired.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(PaymentState.Expired, payment.State);
        Assert.Equal(100, (await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.Available == 100)).Available);
        await RpcAssert.FailsAsync(() => platform.Payments.ConfirmBankTransferAsync(Confirm(placed.Order, placed.Order.Totals.GrandTotal.AmountMinor), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "ILLEGAL_STATE_TRANSITION");
        Assert.Equal(0, await platform.OrdersComponent<PaymentExpirySweeper>().ExpireDueAsync(Cancellation));
    }
}
