using Dixis.Contracts.Orders.V1;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Payments;

/// <summary>Payment methods, payments and their paging, and the errors of bad requests.</summary>
public sealed class PaymentQueryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payment_methods_page_through_with_their_fee_and_limit()
    {
        await using var platform = await OrderPlatform.StartAsync(new() { ["Orders:CashOnDelivery:Fee"] = "250", ["Orders:CashOnDelivery:MaxParcelValue"] = "30000" });

        var first = await platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest { PageSize = 2 }, cancellationToken: Cancellation);
        var rest = await platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest { PageSize = 2, PageToken = first.NextPageToken }, cancellationToken: Cancellation);

        Assert.Equal([PaymentMethod.Card, PaymentMethod.CashOnDelivery, PaymentMethod.BankTransfer], first.PaymentMethods.Concat(rest.PaymentMethods).Select(method => method.Method));
        Assert.Empty(rest.NextPageToken);
        var cod = first.PaymentMethods[1];
        Assert.Equal((250L, 30000L), (cod.Fee.AmountMinor, cod.MaxAmount.AmountMinor));
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest { PageSize = 51 }, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest { PageToken = "forged" }, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task Payments_are_the_customers_and_admins_only()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.BankTransfer, (oil.Sku, 1));

        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = placed.Order.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal((PaymentMethod.BankTransfer, PaymentState.Pending, placed.Order.OrderNumber), (payment.Method, payment.State, payment.BankTransferReference));
        Assert.Equal(placed.Order.Totals.GrandTotal, payment.Amount);
        Assert.Equal(payment, Assert.Single((await platform.Payments.ListPaymentsAsync(new ListPaymentsRequest { OrderId = placed.Order.Id }, TestCallers.Admin, cancellationToken: Cancellation)).Payments));

        await RpcAssert.FailsAsync(() => platform.Payments.ListPaymentsAsync(new ListPaymentsRequest { OrderId = placed.Order.Id }, new Shopper(platform).Token, cancellationToken: Cancellation), StatusCode.NotFound, "ORDER_NOT_FOUND");
        await RpcAssert.FailsAsync(() => platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = "missing" }, TestCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.GetPaymentAsync(new GetPaymentRequest(), TestCallers.Admin, cancellationToken: Cancellation), "payment_id");
        await RpcAssert.InvalidFieldAsync(() => platform.Payments.ListPaymentsAsync(new ListPaymentsRequest(), TestCallers.Admin, cancellationToken: Cancellation), "order_id");
    }
}
