using Dixis.Orders.Payments.Cards;
using Dixis.Testing;
using Dixis.Testing.Stripe;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dixis.Services.Tests.Orders.Payments.Stripe;

/// <summary>
/// <see cref="StripeCardPayments"/> (Stripe.net) against <see cref="FakeStripeApi"/>, a fake of Stripe's HTTP API:
/// what is sent (idempotency keys, form fields) and how Stripe's answers and failures come back.
/// </summary>
public sealed class StripeCardPaymentsWithFakeStripeTests : IAsyncLifetime
{
    private FakeStripeApi stripe = null!;
    private ServiceProvider http = null!;

    public async ValueTask InitializeAsync()
    {
        stripe = await FakeStripeApi.StartAsync(TestContext.Current.CancellationToken);
        http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await http.DisposeAsync();
        await stripe.DisposeAsync();
    }

    private StripeCardPayments Provider(string? apiBase = null) => new(
        Options.Create(new StripeOptions
        {
            SecretKey = FakeStripeApi.SecretKey,
            PublishableKey = FakeStripeApi.PublishableKey,
            WebhookSecrets = [FakeStripeApi.WebhookSecret],
            ApiBase = apiBase ?? stripe.BaseAddress,
            MaxNetworkRetries = 0,
        }),
        http.GetRequiredService<IHttpClientFactory>(),
        NullLogger<StripeCardPayments>.Instance);

    private static CardPaymentRequest Request(string key = "pay_01-intent") =>
        new("ord_01", "pay_01", 2_450, "EUR", key, "maria@example.com");

    [Fact]
    public async Task A_payment_intent_is_created_with_the_amount_metadata_and_idempotency_key()
    {
        var cards = Provider();

        var intent = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);

        Assert.StartsWith("pi_", intent.Id, StringComparison.Ordinal);
        Assert.StartsWith($"{intent.Id}_secret_", intent.ClientSecret, StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", intent.Status);
        Assert.Equal(2_450, intent.AmountMinor);
        Assert.Equal(("ord_01", "pay_01"), (intent.OrderId, intent.PaymentId));
        Assert.True(cards.IsAvailable);
        Assert.Equal(FakeStripeApi.PublishableKey, cards.PublishableKey);

        var sent = Assert.Single(stripe.Requests);
        Assert.Equal(("POST", "/v1/payment_intents", "pay_01-intent"), (sent.Method, sent.Path, sent.IdempotencyKey));
        Assert.Equal("2450", sent.Form["amount"]);
        Assert.Equal("eur", sent.Form["currency"]);
        Assert.Equal("ord_01", sent.Form["metadata[order_id]"]);
        Assert.Equal("pay_01", sent.Form["metadata[payment_id]"]);
        Assert.Equal("true", sent.Form["automatic_payment_methods[enabled]"]);
        Assert.Equal("maria@example.com", sent.Form["receipt_email"]);
    }

    [Fact]
    public async Task A_retried_key_returns_the_same_intent_and_creates_no_second_one()
    {
        var cards = Provider();

        var first = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);
        var retried = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(first, retried);
        Assert.Single(stripe.PaymentIntents);
        Assert.Equal([false, true], stripe.Requests.Select(request => request.Replayed));
    }

    [Fact]
    public async Task Card_only_intents_name_their_payment_method_types()
    {
        var options = new StripeOptions
        {
            SecretKey = FakeStripeApi.SecretKey,
            PublishableKey = FakeStripeApi.PublishableKey,
            ApiBase = stripe.BaseAddress,
            PaymentMethodTypes = ["card"],
        };
        var cards = new StripeCardPayments(Options.Create(options), http.GetRequiredService<IHttpClientFactory>(), NullLogger<StripeCardPayments>.Instance);

        await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);

        var sent = Assert.Single(stripe.Requests);
        Assert.Equal("card", sent.Form["allowed_payment_method_types[0]"]);
        Assert.False(sent.Form.ContainsKey("automatic_payment_methods[enabled]"));
    }

    [Fact]
    public async Task Reading_an_intent_reports_stripes_current_state()
    {
        var cards = Provider();
        var created = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);

        stripe.Fail(created.Id, "Your card has insufficient funds.", "card_declined");
        var failed = await cards.GetPaymentIntentAsync(created.Id, TestContext.Current.CancellationToken);
        stripe.Succeed(created.Id);
        var paid = await cards.GetPaymentIntentAsync(created.Id, TestContext.Current.CancellationToken);

        Assert.Equal(("requires_payment_method", "Your card has insufficient funds."), (failed.Status, failed.FailureMessage));
        Assert.Equal(("succeeded", 2_450L, (string?)null), (paid.Status, paid.AmountReceivedMinor, paid.FailureMessage));
    }

    [Fact]
    public async Task Reading_an_unknown_intent_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Provider().GetPaymentIntentAsync("pi_unknown", TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("NOT_FOUND", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_intent_cancels_it_with_the_key()
    {
        var cards = Provider();
        var intent = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);

        await cards.CancelPaymentIntentAsync(intent.Id, "pay_01-cancel", TestContext.Current.CancellationToken);

        Assert.Equal(("canceled", "abandoned"), (stripe.Intent(intent.Id).Status, stripe.Intent(intent.Id).CancellationReason));
        var cancel = stripe.Requests.Single(request => request.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Equal("pay_01-cancel", cancel.IdempotencyKey);
    }

    [Fact]
    public async Task Cancelling_leaves_paid_cancelled_and_unknown_intents_alone()
    {
        var cards = Provider();
        var paid = await cards.CreatePaymentIntentAsync(Request("paid"), TestContext.Current.CancellationToken);
        stripe.Succeed(paid.Id);

        await cards.CancelPaymentIntentAsync(paid.Id, "paid-cancel", TestContext.Current.CancellationToken);
        await cards.CancelPaymentIntentAsync("pi_unknown", "unknown-cancel", TestContext.Current.CancellationToken);
        var open = await cards.CreatePaymentIntentAsync(Request("open"), TestContext.Current.CancellationToken);
        await cards.CancelPaymentIntentAsync(open.Id, "open-cancel", TestContext.Current.CancellationToken);
        await cards.CancelPaymentIntentAsync(open.Id, "open-cancel-again", TestContext.Current.CancellationToken);

        Assert.Equal("succeeded", stripe.Intent(paid.Id).Status);
        Assert.Equal("canceled", stripe.Intent(open.Id).Status);
    }

    [Fact]
    public async Task A_refund_is_created_once_per_idempotency_key()
    {
        var cards = Provider();
        var intent = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);
        stripe.Succeed(intent.Id);
        var request = new CardRefundRequest(intent.Id, 1_000, "ref_01", "Damaged jar of honey");

        var refund = await cards.RefundAsync(request, TestContext.Current.CancellationToken);
        var retried = await cards.RefundAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(refund, retried);
        Assert.StartsWith("re_", refund.Id, StringComparison.Ordinal);
        Assert.Equal(("succeeded", 1_000L), (refund.Status, refund.AmountMinor));
        var made = Assert.Single(stripe.Refunds);
        Assert.Equal((intent.Id, 1_000L, "requested_by_customer", "Damaged jar of honey"), (made.PaymentIntentId, made.Amount, made.Reason, made.Metadata["dixis_reason"]));
        Assert.All(stripe.Requests.Where(sent => sent.Path == "/v1/refunds"), sent => Assert.Equal("ref_01", sent.IdempotencyKey));
    }

    [Fact]
    public async Task A_refund_above_what_is_left_is_refused()
    {
        var cards = Provider();
        var intent = await cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken);
        stripe.Succeed(intent.Id);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            cards.RefundAsync(new CardRefundRequest(intent.Id, 5_000, "ref_too_much", "too much"), TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("REFUND_EXCEEDS_PAID", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Empty(stripe.Refunds);
    }

    [Fact]
    public async Task Stripe_down_is_unavailable_with_a_retry_delay()
    {
        stripe.Unavailable = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => Provider().CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("DEPENDENCY_UNAVAILABLE", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(error.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task Stripe_unreachable_is_unavailable()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}";

        var error = await Assert.ThrowsAsync<RpcException>(() => Provider(closed).CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_rejected_secret_key_makes_card_payments_unavailable()
    {
        var options = new StripeOptions { SecretKey = "sk_test_revokedKey", PublishableKey = FakeStripeApi.PublishableKey, ApiBase = stripe.BaseAddress };
        var cards = new StripeCardPayments(Options.Create(options), http.GetRequiredService<IHttpClientFactory>(), NullLogger<StripeCardPayments>.Instance);

        var error = await Assert.ThrowsAsync<RpcException>(() => cards.CreatePaymentIntentAsync(Request(), TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("PAYMENT_METHOD_UNAVAILABLE", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.DoesNotContain("sk_test_revokedKey", error.Status.Detail, StringComparison.Ordinal);
    }
}
