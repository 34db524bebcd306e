using System.Net;
using System.Text;
using System.Text.Json;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Webhooks;
using Dixis.Persistence.Documents;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Stripe;
using Dixis.Testing.Tokens;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary>
/// Card payments end to end inside the orders service: Stripe.net pointed at <see cref="FakeStripeApi"/> (a fake of
/// Stripe's HTTP API), webhooks signed by the test per Stripe's documented scheme (<see cref="StripeWebhookSigner"/>)
/// and posted to <c>/webhooks/stripe</c>, with the real catalog and shipping services behind.
/// </summary>
public sealed class CardPaymentWithFakeStripeTests : IAsyncLifetime
{
    private FakeStripeApi stripe = null!;
    private CommercePlatform platform = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        stripe = await FakeStripeApi.StartAsync(Cancellation);
        platform = await OrderPlatform.StartAsync(new Dictionary<string, string?>(stripe.OrdersSettings()));
    }

    public async ValueTask DisposeAsync()
    {
        await platform.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_card_order_waits_for_payment_with_the_client_secret_and_publishable_key()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 2));

        Assert.Equal(OrderState.PendingPayment, placed.Order.State);
        var intent = stripe.IntentForOrder(placed.Order.Id);
        Assert.Equal(intent.ClientSecret, placed.PaymentInstructions.Card.ClientSecret);
        Assert.Equal(FakeStripeApi.PublishableKey, placed.PaymentInstructions.Card.PublishableKey);
        Assert.Equal((placed.Order.Totals.GrandTotal.AmountMinor, "eur", placed.Order.PaymentId), (intent.Amount, intent.Currency, intent.Metadata["payment_id"]));
        var create = Assert.Single(stripe.Requests, request => request.Path == "/v1/payment_intents");
        Assert.False(string.IsNullOrEmpty(create.IdempotencyKey));
        Assert.Equal(98, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task Stripe_down_at_checkout_is_unavailable_and_the_retry_places_one_order_with_one_intent()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var request = Shopper.Request(await shopper.CartAsync((oil.Sku, 2)), PaymentMethod.Card);
        stripe.Unavailable = true;

        var error = await OrderPlatform.FailsAsync(() => shopper.Place(request).ResponseAsync, StatusCode.Unavailable, "DEPENDENCY_UNAVAILABLE");
        stripe.Unavailable = false;
        var placed = await RetryWhileAbortedAsync(() => shopper.Place(request).ResponseAsync);

        Assert.Contains("Stripe did not answer", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(OrderState.PendingPayment, placed.Order.State);
        Assert.Equal(stripe.IntentForOrder(placed.Order.Id).ClientSecret, placed.PaymentInstructions.Card.ClientSecret);
        var keys = stripe.Requests.Where(sent => sent.Path == "/v1/payment_intents").Select(sent => sent.IdempotencyKey).Distinct();
        Assert.Single(keys);
        Assert.Equal(98, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task A_succeeded_webhook_pays_the_order_and_commits_its_stock()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 2));
        var intent = stripe.IntentForOrder(placed.Order.Id);

        var reply = await DeliverAsync(StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(intent.Id), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("applied", reply.Body.GetProperty("result").GetString());
        var paid = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.Paid, paid.State);
        Assert.Equal(paid.Totals.GrandTotal, paid.Totals.PaidTotal);
        var stock = await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.OnHand == 98);
        Assert.Equal((98L, 0L), (stock.OnHand, stock.Reserved));
    }

    [Fact]
    public async Task A_failed_payment_fails_the_order_and_releases_its_stock()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 3));
        var intent = stripe.IntentForOrder(placed.Order.Id);
        Assert.Equal(97, (await platform.StockAsync(oil.Sku)).Available);

        var reply = await DeliverAsync(StripeWebhookSigner.Event("payment_intent.payment_failed", stripe.Fail(intent.Id, "Your card was declined."), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var failed = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.PaymentFailed, failed.State);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = failed.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal((PaymentState.Failed, "Your card was declined."), (payment.State, payment.FailureReason));
        var stock = await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.Available == 100);
        Assert.Equal(100, stock.Available);
    }

    [Fact]
    public async Task A_redelivered_event_has_one_effect()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var succeeded = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(stripe.IntentForOrder(placed.Order.Id).Id), DateTimeOffset.UtcNow);

        var first = await DeliverAsync(succeeded);
        var again = await DeliverAsync(succeeded);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("duplicate", again.Body.GetProperty("result").GetString());
        var order = await shopper.GetAsync(placed.Order.Id);
        Assert.Single(order.History, change => change.ToState == OrderState.Paid);
        Assert.Single(stripe.Requests, request => request.Method == "GET");
    }

    [Fact]
    public async Task A_stale_failure_arriving_after_the_success_leaves_the_order_paid()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var intent = stripe.IntentForOrder(placed.Order.Id);

        // The customer's first card was declined, the second paid; Stripe delivers the failure last.
        var failure = StripeWebhookSigner.Event("payment_intent.payment_failed", stripe.Fail(intent.Id), DateTimeOffset.UtcNow.AddSeconds(-30));
        var success = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(intent.Id), DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(success)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(failure)).StatusCode);

        var order = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.Paid, order.State);
        Assert.DoesNotContain(order.History, change => change.ToState == OrderState.PaymentFailed);
    }

    [Fact]
    public async Task A_failure_event_for_an_intent_that_has_since_succeeded_pays_the_order()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var intent = stripe.IntentForOrder(placed.Order.Id);
        var failure = StripeWebhookSigner.Event("payment_intent.payment_failed", stripe.Fail(intent.Id), DateTimeOffset.UtcNow);
        stripe.Succeed(intent.Id);

        // The succeeded event is still on its way; the failure is delivered first, and Stripe's current state decides.
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(failure)).StatusCode);

        Assert.Equal(OrderState.Paid, (await shopper.GetAsync(placed.Order.Id)).State);
        Assert.Equal(99, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task Forged_tampered_stale_or_unsigned_webhooks_are_rejected_and_change_nothing()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var success = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(stripe.IntentForOrder(placed.Order.Id).Id), DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;

        var forged = await PostAsync(success.Json, StripeWebhookSigner.Sign(success.Json, now, "whsec_attackersGuess"));
        var tampered = await PostAsync(success.Json.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal), StripeWebhookSigner.Sign(success.Json, now, FakeStripeApi.WebhookSecret));
        var stale = await PostAsync(success.Json, StripeWebhookSigner.Sign(success.Json, now.AddMinutes(-6), FakeStripeApi.WebhookSecret));
        var unsigned = await PostAsync(success.Json, signature: null);

        foreach (var reply in new[] { forged, tampered, stale, unsigned })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
            Assert.Equal("application/problem+json", reply.MediaType);
            Assert.Equal("WEBHOOK_SIGNATURE_INVALID", reply.Body.GetProperty("reason").GetString());
        }

        Assert.Contains("missing", unsigned.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("300 seconds", stale.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(OrderState.PendingPayment, (await shopper.GetAsync(placed.Order.Id)).State);
        Assert.DoesNotContain(stripe.Requests, request => request.Method == "GET");
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var body = new string(' ', 300 * 1024);

        var reply = await PostAsync(body, StripeWebhookSigner.Sign(body, DateTimeOffset.UtcNow, FakeStripeApi.WebhookSecret));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.StatusCode);
    }

    [Fact]
    public async Task Events_of_other_types_are_acknowledged_without_effect()
    {
        var refunded = StripeWebhookSigner.Event("charge.refunded", new() { ["id"] = "ch_123", ["object"] = "charge" }, DateTimeOffset.UtcNow);
        var customer = StripeWebhookSigner.Event("customer.created", new() { ["id"] = "cus_123", ["object"] = "customer" }, DateTimeOffset.UtcNow);

        var acknowledged = await DeliverAsync(refunded);
        var ignored = await DeliverAsync(customer);

        Assert.Equal("acknowledged", acknowledged.Body.GetProperty("result").GetString());
        Assert.Equal("ignored", ignored.Body.GetProperty("result").GetString());
        Assert.Empty(stripe.Requests);
    }

    [Fact]
    public async Task While_stripe_is_down_the_event_fails_so_stripe_retries_it_and_the_retry_applies()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var success = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(stripe.IntentForOrder(placed.Order.Id).Id), DateTimeOffset.UtcNow);

        stripe.Unavailable = true;
        var failed = await DeliverAsync(success);
        stripe.Unavailable = false;
        var retried = await DeliverAsync(success);

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.OK), (failed.StatusCode, retried.StatusCode));
        Assert.Equal("applied", retried.Body.GetProperty("result").GetString());
        Assert.Equal(OrderState.Paid, (await shopper.GetAsync(placed.Order.Id)).State);
    }

    [Fact]
    public async Task A_refund_goes_to_stripe_with_an_idempotency_key()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 2));
        var intent = stripe.IntentForOrder(placed.Order.Id);
        await DeliverAsync(StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(intent.Id), DateTimeOffset.UtcNow));
        var total = placed.Order.Totals.GrandTotal;

        var partial = await RefundAsync(placed.Order.Id, 500, "damaged bottle");
        var partially = await Eventually.ReadAsync(() => shopper.GetAsync(placed.Order.Id), order => order.State == OrderState.PartiallyRefunded);
        var rest = await RefundAsync(placed.Order.Id, total.AmountMinor - 500, "order returned");
        var refunded = await Eventually.ReadAsync(() => shopper.GetAsync(placed.Order.Id), order => order.State == OrderState.Refunded);

        Assert.Equal(OrderState.PartiallyRefunded, partially.State);
        Assert.Equal(OrderState.Refunded, refunded.State);
        Assert.Equal([500, total.AmountMinor - 500], stripe.Refunds.Select(refund => refund.Amount));
        Assert.All(stripe.Refunds, refund => Assert.Equal(intent.Id, refund.PaymentIntentId));
        var keys = stripe.Requests.Where(request => request.Path == "/v1/refunds").Select(request => request.IdempotencyKey).Distinct().ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.False(string.IsNullOrEmpty(key)));
        Assert.Contains(partial.Id, keys[0]!, StringComparison.Ordinal);
        Assert.Contains(rest.Id, keys[1]!, StringComparison.Ordinal);
    }

    /// <summary>Retries as a client told "ABORTED: retry the same request in a moment" does, for up to 30 seconds.</summary>
    [Fact]
    public async Task Handled_events_past_their_retention_are_purged_and_a_late_redelivery_still_changes_nothing()
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 1));
        var succeeded = StripeWebhookSigner.Event("payment_intent.succeeded", stripe.Succeed(stripe.IntentForOrder(placed.Order.Id).Id), DateTimeOffset.UtcNow);
        await DeliverAsync(succeeded);
        var events = platform.OrdersService.Services.GetRequiredService<IDocumentCollection<StripeEventRecord>>();
        var oldId = $"evt_old_{Guid.NewGuid():N}";
        await events.InsertAsync(oldId, new StripeEventRecord("payment_intent.succeeded", "pi_old", null, "succeeded", 0, DateTimeOffset.UtcNow.AddDays(-31).ToUnixTimeMilliseconds()), Cancellation);

        var purged = await platform.OrdersService.Services.GetRequiredService<StripeEventPurger>().PurgeAsync(Cancellation);

        Assert.True(purged >= 1, "The event handled 31 days ago is past the 30-day retention.");
        Assert.Null(await events.GetAsync(oldId, Cancellation));
        Assert.NotNull(await events.GetAsync(succeeded.Id, Cancellation));

        // Delivered again after its record were gone, an event is applied by re-reading the intent: still paid once.
        await events.DeleteAsync(succeeded.Id, cancellationToken: Cancellation);
        var late = await DeliverAsync(succeeded);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Single((await shopper.GetAsync(placed.Order.Id)).History, change => change.ToState == OrderState.Paid);
    }

    private static async Task<T> RetryWhileAbortedAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Aborted && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(500, Cancellation);
            }
        }
    }

    private Task<Refund> RefundAsync(string orderId, long amountMinor, string reason) =>
        platform.Payments.CreateRefundAsync(new CreateRefundRequest
        {
            OrderId = orderId,
            RequestId = Guid.NewGuid().ToString(),
            Refund = new Refund { Reason = reason, Amount = new() { CurrencyCode = "EUR", AmountMinor = amountMinor } },
        }, TestCallers.Admin, cancellationToken: Cancellation).ResponseAsync;

    private Task<WebhookReply> DeliverAsync(StripeWebhookEvent stripeEvent) =>
        PostAsync(stripeEvent.Json, StripeWebhookSigner.Sign(stripeEvent.Json, DateTimeOffset.UtcNow, FakeStripeApi.WebhookSecret));

    private async Task<WebhookReply> PostAsync(string body, string? signature)
    {
        using var http = platform.OrdersService.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        using var reply = await http.SendAsync(request, Cancellation);
        var text = await reply.Content.ReadAsStringAsync(Cancellation);
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new WebhookReply(reply.StatusCode, reply.Content.Headers.ContentType?.MediaType, json);
    }

    /// <summary>What the webhook answered: status, media type and JSON body (problem details or the reply).</summary>
    private sealed record WebhookReply(HttpStatusCode StatusCode, string? MediaType, JsonElement Body);
}
