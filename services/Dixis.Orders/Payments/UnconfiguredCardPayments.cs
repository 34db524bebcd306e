using Dixis.Orders.Payments.Cards;

namespace Dixis.Orders.Payments;

/// <summary>
/// The card provider when none is configured: card payments are reported unavailable (checkout refuses the method
/// before anything is created) and the other methods keep working. Replaced by the Stripe provider when it is registered.
/// </summary>
public sealed class UnconfiguredCardPayments : ICardPaymentProvider
{
    private const string Message = "Card payments are not configured.";

    public bool IsAvailable => false;

    public string PublishableKey => string.Empty;

    public Task<CardPaymentIntent> CreatePaymentIntentAsync(CardPaymentRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<CardPaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task CancelPaymentIntentAsync(string paymentIntentId, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CardRefund> RefundAsync(CardRefundRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
}
