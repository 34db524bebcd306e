using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Payments.Cards;
using Dixis.Services.Tests.Commerce;
using Dixis.Services.Tests.Infrastructure;
using Dixis.Testing.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Orders.Payments;

/// <summary>
/// What the Stripe webhook hands to <see cref="ICardPaymentOutcomes"/>: a card order is paid exactly once, a failure
/// releases its stock, a success after the order failed is refunded, stale or mismatching outcomes change nothing. The provider is a fake (see <see cref="FakeCardPayments"/>).
/// </summary>
public sealed class CardPaymentOutcomeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<(CommercePlatform Platform, FakeCardPayments Cards)> StartAsync()
    {
        var cards = new FakeCardPayments();
        var platform = await OrderPlatform.StartAsync(services: services => services.AddSingleton<ICardPaymentProvider>(cards));
        return (platform, cards);
    }

    /// <summary>A card order of <paramref name="units"/> units of a new product, and its PaymentIntent's id.</summary>
    private static async Task<(Shopper Shopper, PlaceOrderResponse Placed, string IntentId)> CardOrderAsync(CommercePlatform platform, long units)
    {
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);
        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, units));
        return (shopper, placed, (await platform.StoredAsync(placed.Order.Id)).Payment.ProviderReference);
    }

    [Fact]
    public async Task A_succeeded_intent_pays_the_order_once_and_starts_its_shipments()
    {
        var (platform, cards) = await StartAsync();
        await using var _ = platform;
        var oil = await platform.SeedProductAsync();
        var shopper = new Shopper(platform);

        var placed = await shopper.OrderAsync(PaymentMethod.Card, (oil.Sku, 2));
        Assert.Equal(OrderState.PendingPayment, placed.Order.State);
        Assert.EndsWith("_secret_fake", placed.PaymentInstructions.Card.ClientSecret, StringComparison.Ordinal);
        Assert.Equal("pk_test_fake", placed.PaymentInstructions.Card.PublishableKey);
        var adminView = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = placed.Order.PaymentId }, TestCallers.Admin, cancellationToken: Cancellation);
        Assert.StartsWith("pi_", adminView.ProviderReference, StringComparison.Ordinal);
        var customerView = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = placed.Order.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Empty(customerView.ProviderReference);

        var outcomes = platform.OrdersComponent<ICardPaymentOutcomes>();
        var succeeded = new CardPaymentOutcome(cards.Intent(adminView.ProviderReference, "succeeded"), "evt_1", "payment_intent.succeeded");
        await outcomes.ApplyAsync(succeeded, Cancellation);
        await outcomes.ApplyAsync(succeeded with { EventId = "evt_2" }, Cancellation);

        var paid = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.Paid, paid.State);
        Assert.Equal(paid.Totals.GrandTotal, paid.Totals.PaidTotal);
        var change = Assert.Single(paid.History, change => change.ToState == OrderState.Paid);
        Assert.Equal((ActorKind.PaymentProvider, "payment_intent.succeeded"), (change.Actor.Kind, change.Reason));
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = paid.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(PaymentState.Succeeded, payment.State);
        Assert.NotNull(payment.PaidTime);
        var stock = await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.OnHand == 98);
        Assert.Equal((98L, 0L), (stock.OnHand, stock.Reserved));

        // The order has one payment attempt.
        var list = await platform.Payments.ListPaymentsAsync(new ListPaymentsRequest { OrderId = paid.Id }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal(payment, Assert.Single(list.Payments));
    }

    [Fact]
    public async Task A_failed_intent_fails_the_payment_and_releases_the_stock()
    {
        var (platform, cards) = await StartAsync();
        await using var _ = platform;
        var (shopper, placed, intentId) = await CardOrderAsync(platform, 3);
        var oil = placed.Order.Lines[0];
        Assert.Equal(97, (await platform.StockAsync(oil.Sku)).Available);

        await platform.OrdersComponent<ICardPaymentOutcomes>().ApplyAsync(
            new CardPaymentOutcome(cards.Intent(intentId, "requires_payment_method", failure: "Your card was declined."), "evt_f", "payment_intent.payment_failed"), Cancellation);

        var failed = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.PaymentFailed, failed.State);
        var payment = await platform.Payments.GetPaymentAsync(new GetPaymentRequest { PaymentId = failed.PaymentId }, shopper.Token, cancellationToken: Cancellation);
        Assert.Equal((PaymentState.Failed, "Your card was declined."), (payment.State, payment.FailureReason));
        await Eventually.ReadAsync(() => platform.StockAsync(oil.Sku), level => level.Available == 100);
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);

        // A late success (the customer tried another card) does not revive the failed order: the money goes back in full.
        await platform.OrdersComponent<ICardPaymentOutcomes>().ApplyAsync(new CardPaymentOutcome(cards.Intent(intentId, "succeeded"), "evt_late", "payment_intent.succeeded"), Cancellation);
        Assert.Equal(OrderState.PaymentFailed, (await shopper.GetAsync(placed.Order.Id)).State);
        var refunded = await Eventually.ReadAsync(() => Task.FromResult(cards.Refunds.Values.ToList()), refunds => refunds.Count > 0);
        Assert.Equal((intentId, placed.Order.Totals.GrandTotal.AmountMinor), (Assert.Single(refunded).PaymentIntentId, refunded[0].AmountMinor));
        Assert.Equal(100, (await platform.StockAsync(oil.Sku)).Available);
    }

    [Fact]
    public async Task An_intent_for_another_amount_or_still_processing_changes_nothing()
    {
        var (platform, cards) = await StartAsync();
        await using var _ = platform;
        var (shopper, placed, intentId) = await CardOrderAsync(platform, 1);
        var outcomes = platform.OrdersComponent<ICardPaymentOutcomes>();

        await outcomes.ApplyAsync(new CardPaymentOutcome(cards.Intent(intentId, "succeeded", amountMinor: 1), "evt_a", "payment_intent.succeeded"), Cancellation);
        await outcomes.ApplyAsync(new CardPaymentOutcome(cards.Intent(intentId, "processing"), "evt_b", "payment_intent.processing"), Cancellation);

        var order = await shopper.GetAsync(placed.Order.Id);
        Assert.Equal(OrderState.PendingPayment, order.State);
        Assert.Equal(placed.Order.History.Count, order.History.Count);
    }

    [Fact]
    public async Task A_paid_card_order_is_refunded_through_the_provider_with_the_refund_id_as_key()
    {
        var (platform, cards) = await StartAsync();
        await using var _ = platform;
        var (shopper, placed, intentId) = await CardOrderAsync(platform, 1);
        await platform.OrdersComponent<ICardPaymentOutcomes>().ApplyAsync(new CardPaymentOutcome(cards.Intent(intentId, "succeeded"), "evt_1", "payment_intent.succeeded"), Cancellation);

        var refund = await platform.Payments.CreateRefundAsync(new CreateRefundRequest
        {
            OrderId = placed.Order.Id,
            RequestId = Guid.NewGuid().ToString(),
            Refund = new Refund { Reason = "damaged bottle", Amount = new() { CurrencyCode = "EUR", AmountMinor = 500 } },
        }, TestCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.StartsWith("re_", refund.ProviderReference, StringComparison.Ordinal);
        var sent = Assert.Single(cards.Refunds);
        Assert.Equal(refund.Id, sent.Key);
        Assert.Equal((intentId, 500L), (sent.Value.PaymentIntentId, sent.Value.AmountMinor));
        Assert.Equal(OrderState.PartiallyRefunded, (await shopper.GetAsync(placed.Order.Id)).State);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_card_order_cancels_its_intent()
    {
        var (platform, cards) = await StartAsync();
        await using var _ = platform;
        var (shopper, placed, intentId) = await CardOrderAsync(platform, 1);

        await platform.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = placed.Order.Id }, shopper.Token, cancellationToken: Cancellation);

        await Eventually.ReadAsync(() => Task.FromResult(cards.Cancelled.Contains(intentId)), cancelled => cancelled);
        Assert.Contains(intentId, cards.Cancelled);
    }
}
