using System.Net;
using System.Text;
using Dixis.Contracts.Orders.V1;
using Dixis.Testing.Stripe;
using Grpc.Core;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary>Without <c>Orders:Stripe</c> keys the card method is reported unavailable and refused; the others keep working.</summary>
public sealed class CardPaymentsWithoutStripeKeysTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Card_is_unavailable_and_refused_while_cash_on_delivery_works()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var methods = await platform.Payments.ListPaymentMethodsAsync(new ListPaymentMethodsRequest(), cancellationToken: Cancellation);
        var card = Assert.Single(methods.PaymentMethods, option => option.Method == PaymentMethod.Card);
        Assert.False(card.Available);
        Assert.False(string.IsNullOrWhiteSpace(card.UnavailableReason));
        Assert.True(Assert.Single(methods.PaymentMethods, option => option.Method == PaymentMethod.CashOnDelivery).Available);

        await OrderPlatform.FailsAsync(() => shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1)), StatusCode.FailedPrecondition, "PAYMENT_METHOD_UNAVAILABLE");
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);

        var cash = await shopper.OrderAsync(PaymentMethod.CashOnDelivery, (oil.Sku, 1));
        Assert.Equal(OrderState.Confirmed, cash.Order.State);
    }

    [Fact]
    public async Task The_webhook_accepts_nothing_without_a_signing_secret()
    {
        await using var platform = await OrderPlatform.StartAsync();
        var body = StripeWebhookSigner.Event("payment_intent.succeeded", new() { ["id"] = "pi_123", ["object"] = "payment_intent" }, DateTimeOffset.UtcNow).Json;
        using var http = platform.OrdersService.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeWebhookSigner.Sign(body, DateTimeOffset.UtcNow, FakeStripeApi.WebhookSecret));

        var reply = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
    }
}
