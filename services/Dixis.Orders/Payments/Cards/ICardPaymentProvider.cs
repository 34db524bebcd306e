namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// The card payment provider (Stripe, through Stripe.net). Every call carries an idempotency key, so a retry after a
/// timeout or a crash never creates a second PaymentIntent or a second refund.
/// </summary>
public interface ICardPaymentProvider
{
    /// <summary>Whether card payments are configured (Stripe keys present); the other methods work without it.</summary>
    bool IsAvailable { get; }

    /// <summary>The publishable key for Stripe.js; empty when unavailable.</summary>
    string PublishableKey { get; }

    /// <summary>Creates (or, for the same key, returns) the PaymentIntent of an order's payment.</summary>
    Task<CardPaymentIntent> CreatePaymentIntentAsync(CardPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The PaymentIntent as the provider sees it now (webhooks re-read state instead of trusting event order).</summary>
    Task<CardPaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken);

    /// <summary>Cancels a PaymentIntent that was not paid (order cancelled or expired); unknown or final intents are left alone.</summary>
    Task CancelPaymentIntentAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Refunds part or all of a paid PaymentIntent.</summary>
    Task<CardRefund> RefundAsync(CardRefundRequest request, CancellationToken cancellationToken);
}

/// <summary>What a PaymentIntent is created for.</summary>
/// <param name="OrderId">The order, stored in the intent's metadata (<c>order_id</c>).</param>
/// <param name="PaymentId">The Dixis payment, stored in the intent's metadata (<c>payment_id</c>).</param>
/// <param name="AmountMinor">The amount in minor units.</param>
/// <param name="CurrencyCode">ISO 4217, e.g. <c>EUR</c>.</param>
/// <param name="IdempotencyKey">The provider idempotency key (one per payment).</param>
/// <param name="CustomerEmail">For the receipt; may be empty.</param>
public sealed record CardPaymentRequest(string OrderId, string PaymentId, long AmountMinor, string CurrencyCode, string IdempotencyKey, string CustomerEmail);

/// <summary>A PaymentIntent's state as the orders service needs it.</summary>
/// <param name="Id">The PaymentIntent id (<c>pi_…</c>).</param>
/// <param name="ClientSecret">For <c>stripe.confirmPayment</c>; shown to the order's customer only.</param>
/// <param name="Status">Stripe's status, e.g. <c>requires_payment_method</c>, <c>succeeded</c>, <c>canceled</c>.</param>
/// <param name="AmountMinor">The amount.</param>
/// <param name="AmountReceivedMinor">The amount received.</param>
/// <param name="OrderId">From the metadata.</param>
/// <param name="PaymentId">From the metadata.</param>
/// <param name="FailureMessage">The last payment error, when there is one.</param>
public sealed record CardPaymentIntent(string Id, string ClientSecret, string Status, long AmountMinor, long AmountReceivedMinor, string OrderId, string PaymentId, string? FailureMessage);

/// <summary>A refund to make.</summary>
public sealed record CardRefundRequest(string PaymentIntentId, long AmountMinor, string IdempotencyKey, string Reason);

/// <summary>A refund as the provider reports it.</summary>
/// <param name="Id">The refund id (<c>re_…</c>).</param>
/// <param name="Status">Stripe's status: <c>pending</c>, <c>succeeded</c>, <c>failed</c>, <c>canceled</c>.</param>
/// <param name="AmountMinor">The amount refunded.</param>
public sealed record CardRefund(string Id, string Status, long AmountMinor);
