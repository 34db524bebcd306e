using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Refunds;

/// <summary>Refunds of a paid bank-transfer order (recorded; card refunds go through the provider, see CardPaymentOutcomeTests).</summary>
public sealed class RefundTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<(Shopper Shopper, Order Order)> PaidOrderAsync(CommercePlatform platform)
    {
        var oil = await platform.SeedProductAsync([new SeedVariant(1000, 10)]);
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 3));
        await platform.ConfirmBankTransferAsync(placed.Order);
        return (shopper, await shopper.GetAsync(placed.Order.Id));
    }

    private static CreateRefundRequest Request(Order order, Refund refund) => new() { OrderId = order.Id, RequestId = Guid.NewGuid().ToString(), Refund = refund };

    [Fact]
    public async Task A_full_refund_refunds_everything_paid()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (shopper, order) = await PaidOrderAsync(platform);

        var refund = await platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "order lost" }), TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal(order.Totals.GrandTotal, refund.Amount);
        var refunded = await shopper.GetAsync(order.Id);
        Assert.Equal(OrderState.Refunded, refunded.State);
        Assert.Equal(order.Totals.GrandTotal, refunded.Totals.RefundedTotal);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = order.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(PaymentState.Refunded, payment.State);
        Assert.Equal(refund, await platform.Payments.GetRefundAsync(new GetRefundRequest { OrderId = order.Id, RefundId = refund.Id }, shopper.Token, cancellationToken: Cancellation));

        await RpcAssert.FailsAsync(() => platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "again" }), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "REFUND_EXCEEDS_PAID");
    }

    [Fact]
    public async Task Partial_refunds_by_amount_and_by_lines_add_up_and_never_exceed_what_was_paid()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (shopper, order) = await PaidOrderAsync(platform);
        var line = Assert.Single(order.Lines);

        var byAmount = await platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "late", Amount = new Money { CurrencyCode = "EUR", AmountMinor = 300 } }), TestCallers.Admin, cancellationToken: Cancellation);
        var byLines = await platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "broken", Lines = { new RefundLine { OrderLineId = line.Id, Quantity = 2 } } }), TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(300, byAmount.Amount.AmountMinor);
        Assert.Equal(2000, byLines.Amount.AmountMinor);
        var partly = await shopper.GetAsync(order.Id);
        Assert.Equal(OrderState.PartiallyRefunded, partly.State);
        Assert.Equal(2300, partly.Totals.RefundedTotal.AmountMinor);
        Assert.Equal(2, Assert.Single(partly.Lines).RefundedQuantity);

        var remaining = order.Totals.GrandTotal.AmountMinor - 2300;
        await RpcAssert.FailsAsync(() => platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "too much", Amount = new Money { CurrencyCode = "EUR", AmountMinor = remaining + 1 } }), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "REFUND_EXCEEDS_PAID");
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "too many", Lines = { new RefundLine { OrderLineId = line.Id, Quantity = 2 } } }), TestCallers.Admin, cancellationToken: Cancellation),
            "refund.lines[0].quantity");

        var listed = await platform.Payments.ListRefundsAsync(new ListRefundsRequest { OrderId = order.Id }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal([byLines.Id, byAmount.Id], listed.Refunds.Select(refund => refund.Id));
    }

    [Fact]
    public async Task A_retried_refund_is_applied_once_and_a_reused_request_id_is_refused()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (shopper, order) = await PaidOrderAsync(platform);
        var request = Request(order, new Refund { Reason = "late", Amount = new Money { CurrencyCode = "EUR", AmountMinor = 250 } });

        var first = await platform.Payments.CreateRefundAsync(request, TestCallers.Admin, cancellationToken: Cancellation);
        var again = await platform.Payments.CreateRefundAsync(request, TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(first, again);
        Assert.Equal(250, (await shopper.GetAsync(order.Id)).Totals.RefundedTotal.AmountMinor);
        var reused = request.Clone();
        reused.Refund.Amount.AmountMinor = 100;
        await RpcAssert.FailsAsync(() => platform.Payments.CreateRefundAsync(reused, TestCallers.Admin, cancellationToken: Cancellation), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task Refunds_need_an_admin_a_reason_and_a_paid_order()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (shopper, order) = await PaidOrderAsync(platform);

        await RpcAssert.FailsAsync(() => platform.Payments.CreateRefundAsync(Request(order, new Refund { Reason = "mine" }), shopper.Token, cancellationToken: Cancellation), StatusCode.PermissionDenied);
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.CreateRefundAsync(Request(order, new Refund()), TestCallers.Admin, cancellationToken: Cancellation), "refund.reason");
        var oil = await platform.SeedProductAsync();
        var unpaid = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));
        await RpcAssert.FailsAsync(() => platform.Payments.CreateRefundAsync(Request(unpaid.Order, new Refund { Reason = "nothing paid" }), TestCallers.Admin, cancellationToken: Cancellation),
            StatusCode.FailedPrecondition, "REFUND_EXCEEDS_PAID");
        await RpcAssert.FailsAsync(() => platform.Payments.GetRefundAsync(new GetRefundRequest { OrderId = order.Id, RefundId = "nope" }, shopper.Token, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_what_was_paid()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var (shopper, order) = await PaidOrderAsync(platform);

        var cancelled = await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = order.Id, Reason = "out of season" }, shopper.Token, cancellationToken: Cancellation);

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.Equal(order.Totals.GrandTotal, cancelled.Totals.RefundedTotal);
        var refund = Assert.Single((await platform.Payments.ListRefundsAsync(new ListRefundsRequest { OrderId = order.Id }, TestCallers.Admin, cancellationToken: Cancellation)).Refunds);
        Assert.Equal((RefundState.Succeeded, order.Totals.GrandTotal), (refund.State, refund.Amount));
    }
}
