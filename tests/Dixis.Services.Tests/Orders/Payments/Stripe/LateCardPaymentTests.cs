using System.Net;
using System.Text;
using System.Text.Json;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Stripe;
using Dixis.Testing.Tokens;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary>
/// A card payment that succeeds after its order was closed unpaid — cancelled by the customer, or expired — while the
/// webhook was on its way: the money goes back by itself. Stripe.net talks to <see cref="FakeStripeApi"/>; webhooks are
/// signed by the test (<see cref="StripeWebhookSigner"/>); the real catalog and shipping services run behind.
/// </summary>
public sealed class LateCardPaymentTests : IAsyncLifetime
{
    private FakeStripeApi stripe = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => stripe = await FakeStripeApi.StartAsync(Cancellation);

    public async ValueTask DisposeAsync() => await stripe.DisposeAsync();

    [Fact]
    public async Task A_payment_that_succeeds_after_the_order_was_cancelled_is_refunded_in_full_once()
    {
        await using var platform = await StartAsync();
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 2));
        var intent = stripe.IntentForOrder(placed.Order.Id);

        // The customer confirms the card payment and, before Stripe's webhook arrives, cancels the order.
        var succeeded = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(intent.Id), DateTimeOffset.UtcNow);
        await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id, Reason = "ordered by mistake" }, shopper.Token, cancellationToken: Cancellation);
        var reply = await DeliverAsync(platform, succeeded);

        Assert.Equal((HttpStatusCode.OK, "applied"), reply);
        var refund = Assert.Single(await Eventually.ReadAsync(() => RefundsAsync(platform, placed.Order.Id), refunds => refunds.Any(r => r.State == RefundState.Succeeded)));
        var total = placed.Order.Totals.GrandTotal;
        Assert.Equal((total, RefundState.Succeeded), (refund.Amount, refund.State));
        Assert.Contains("cancelled", refund.Reason, StringComparison.Ordinal);
        var refunded = Assert.Single(stripe.Refunds);
        Assert.Equal((intent.Id, total.AmountMinor), (refunded.PaymentIntentId, refunded.Amount));
        var key = Assert.Single(stripe.Requests, request => request.Path == "/v1/refunds").IdempotencyKey;
        Assert.Contains(refund.Id, key!, StringComparison.Ordinal);

        // Paid, then refunded; the order stays cancelled and says why, and nothing ships.
        var order = await shopper.GetAsync(placed.Order.Id);
        var payment = await PaymentAsync(platform, shopper, order);
        Assert.Equal(OrderState.Cancelled, order.State);
        Assert.Equal((PaymentState.Refunded, total, total), (payment.State, payment.RefundedAmount, order.Totals.PaidTotal));
        Assert.NotNull(payment.PaidTime);
        Assert.Equal(total, order.Totals.RefundedTotal);
        var notes = order.History.Where(change => change.FromState == OrderState.Cancelled && change.ParcelId.Length == 0).ToList();
        Assert.Collection(notes,
            received => Assert.Equal((ActorKind.PaymentProvider, "payment_intent.succeeded after the order was cancelled: payment received"), (received.Actor.Kind, received.Reason)),
            refundNote => Assert.Equal((ActorKind.System, true), (refundNote.Actor.Kind, refundNote.Reason.Contains("refunded in full", StringComparison.Ordinal))));
        Assert.Empty((await platform.Shipments.ListShipmentsAsync(new ListShipmentsRequest { OrderId = placed.Order.Id }, TestCallers.Admin, cancellationToken: Cancellation)).Shipments);

        // Stripe redelivers the event, and a stale event about the same intent arrives: no second refund.
        var again = await DeliverAsync(platform, succeeded);
        var stale = await DeliverAsync(platform, StripeWebhookSigner.Event("payment_intent.payment_failed", stripe.Intent(intent.Id).ToJson(), DateTimeOffset.UtcNow.AddMinutes(-1)));
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);

        Assert.Equal([(HttpStatusCode.OK, "duplicate"), (HttpStatusCode.OK, "applied")], new[] { again, stale });
        Assert.Single(stripe.Refunds);
        Assert.Single(await RefundsAsync(platform, placed.Order.Id));
        var after = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(notes.Count, after.History.Count(change => change.FromState == OrderState.Cancelled && change.ParcelId.Length == 0));
        Assert.Equal(PaymentState.Refunded, (await PaymentAsync(platform, shopper, after)).State);
    }

    [Fact]
    public async Task A_payment_that_succeeds_after_the_order_expired_is_refunded_in_full()
    {
        await using var platform = await StartAsync(new()
        {
            ["Orders:Payments:CardExpiry"] = "00:00:01",
            ["Orders:Payments:ExpirySweepInterval"] = "00:00:00.200",
        });
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var intent = stripe.IntentForOrder(placed.Order.Id);

        // The customer pays at the last moment; the order expires before the webhook arrives.
        var succeeded = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(intent.Id), DateTimeOffset.UtcNow);
        await Eventually.ReadAsync(() => shopper.GetAsync(placed.Order.Id), order => order.State == OrderState.PaymentFailed);
        var reply = await DeliverAsync(platform, succeeded);

        Assert.Equal((HttpStatusCode.OK, "applied"), reply);
        var refund = Assert.Single(await Eventually.ReadAsync(() => RefundsAsync(platform, placed.Order.Id), refunds => refunds.Any(r => r.State == RefundState.Succeeded)));
        Assert.Equal(placed.Order.Totals.GrandTotal, refund.Amount);
        Assert.Contains("expired", refund.Reason, StringComparison.Ordinal);
        Assert.Equal((intent.Id, placed.Order.Totals.GrandTotal.AmountMinor), (Assert.Single(stripe.Refunds).PaymentIntentId, stripe.Refunds[0].Amount));
        var order = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.PaymentFailed, order.State);
        Assert.Equal(PaymentState.Refunded, (await PaymentAsync(platform, shopper, order)).State);
        Assert.Contains(order.History, change => change.Reason == "payment_intent.succeeded after the order expired unpaid: payment received");
    }

    private Task<CommercePlatform> StartAsync(Dictionary<string, string?>? orders = null)
    {
        var settings = new Dictionary<string, string?>(stripe.OrdersSettings())
        {
            // The refund leaves through the outbox: a quick one keeps the test short.
            ["Persistence:Outbox:PollInterval"] = "00:00:00.050",
        };
        foreach (var (name, value) in orders ?? [])
        {
            settings[name] = value;
        }

        return OrderPlatform.StartAsync(settings);
    }

    private static async Task<IReadOnlyList<Refund>> RefundsAsync(CommercePlatform platform, string orderId) =>
        (await platform.Payments.ListRefundsAsync(new ListRefundsRequest { OrderId = orderId }, TestCallers.Admin, cancellationToken: Cancellation)).Refunds;

    private static async Task<Payment> PaymentAsync(CommercePlatform platform, Shopper shopper, Order order) =>
        await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = order.PaymentId }, shopper.Token, cancellationToken: Cancellation);

    /// <summary>Posts the event to <c>/webhooks/stripe</c> signed as Stripe signs it; the HTTP status and the reply's <c>result</c>.</summary>
    private static async Task<(HttpStatusCode Status, string? Result)> DeliverAsync(CommercePlatform platform, StripeWebhookEvent stripeEvent)
    {
        using var http = platform.OrdersService.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeWebhookSigner.Sign(stripeEvent.Json, DateTimeOffset.UtcNow, FakeStripeApi.WebhookSecret));
        using var reply = await http.SendAsync(request, Cancellation);
        var body = await reply.Content.ReadAsStringAsync(Cancellation);
        return (reply.StatusCode, body.TrimStart().StartsWith('{') ? JsonDocument.Parse(body).RootElement.GetProperty("result").GetString() : null);
    }
}
