namespace Dixis.Orders.Payments.Cards;

/// <summary>
/// Applies what the card provider reports (a verified, de-duplicated webhook, re-read from the provider) to the order:
/// a succeeded intent pays the order exactly once; a failed or cancelled one fails the payment and releases the stock.
/// Implemented by the order lifecycle; called by the Stripe webhook. Idempotent: applying the same outcome twice, or
/// an outcome older than the order's state, changes nothing.
/// </summary>
public interface ICardPaymentOutcomes
{
    Task ApplyAsync(CardPaymentOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>The provider's verdict on a payment.</summary>
/// <param name="Intent">The PaymentIntent as re-read from the provider.</param>
/// <param name="EventId">The webhook event id (<c>evt_…</c>), for the history.</param>
/// <param name="EventType">The webhook event type, e.g. <c>payment_intent.succeeded</c>, for the history.</param>
public sealed record CardPaymentOutcome(CardPaymentIntent Intent, string EventId, string EventType);
