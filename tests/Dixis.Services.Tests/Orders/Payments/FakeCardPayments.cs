using System.Collections.Concurrent;
using Dixis.Orders.Payments.Cards;

namespace Dixis.Services.Tests.Orders.Payments;

/// <summary>
/// A FAKE card provider standing in for Stripe at the edge of the world (the Stripe helper's tests drive the real
/// Stripe.net provider against a fake Stripe API). It remembers intents by idempotency key, as Stripe does.
/// </summary>
public sealed class FakeCardPayments : ICardPaymentProvider
{
    private readonly ConcurrentDictionary<string, CardPaymentIntent> intents = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, CardRefundRequest> Refunds { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Cancelled { get; } = [];

    public bool IsAvailable => true;

    public string PublishableKey => "pk_test_fake";

    public Task<CardPaymentIntent> CreatePaymentIntentAsync(CardPaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(intents.GetOrAdd(request.IdempotencyKey, key => new CardPaymentIntent(
            $"pi_{key[..8]}{intents.Count}", $"pi_{key[..8]}_secret_fake", "requires_payment_method", request.AmountMinor, 0, request.OrderId, request.PaymentId, null)));

    public Task<CardPaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        Task.FromResult(intents.Values.Single(intent => intent.Id == paymentIntentId));

    public Task CancelPaymentIntentAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken)
    {
        Cancelled.Add(paymentIntentId);
        return Task.CompletedTask;
    }

    public Task<CardRefund> RefundAsync(CardRefundRequest request, CancellationToken cancellationToken)
    {
        Refunds.TryAdd(request.IdempotencyKey, request);
        return Task.FromResult(new CardRefund($"re_{request.IdempotencyKey[..8]}", "succeeded", request.AmountMinor));
    }

    /// <summary>The intent as Stripe would report it after the customer's action.</summary>
    public CardPaymentIntent Intent(string intentId, string status, long? amountMinor = null, string? failure = null)
    {
        var intent = intents.Values.Single(candidate => candidate.Id == intentId);
        return intent with
        {
            Status = status,
            AmountMinor = amountMinor ?? intent.AmountMinor,
            AmountReceivedMinor = status == "succeeded" ? amountMinor ?? intent.AmountMinor : 0,
            FailureMessage = failure,
        };
    }
}
