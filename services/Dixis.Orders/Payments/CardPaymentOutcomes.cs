using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Orders;
using Dixis.Orders.Payments.Cards;

namespace Dixis.Orders.Payments;

/// <summary>
/// Applies what Stripe reports (the webhook re-reads the intent, so <see cref="CardPaymentOutcome.Intent"/> is the
/// provider's current truth): succeeded with the full amount → paid exactly once; failed or cancelled → payment failed
/// and stock released; succeeded after the order was closed unpaid → received and refunded in full exactly once
/// (<see cref="LateCardPayments"/>). An intent that is not the order's current one, an amount that does not match, or
/// any other order no longer awaiting payment changes nothing.
/// </summary>
public sealed partial class CardPaymentOutcomes(OrderRepository orders, CrashPoints crashPoints, TimeProvider timeProvider, ILogger<CardPaymentOutcomes> logger) : ICardPaymentOutcomes
{
    public async Task ApplyAsync(CardPaymentOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var intent = outcome.Intent;
        var document = (intent.OrderId.Length > 0 ? await orders.GetAsync(intent.OrderId, cancellationToken) : null)
            ?? (intent.PaymentId.Length > 0 ? await orders.FindByPaymentIdAsync(intent.PaymentId, cancellationToken) : null);
        if (document is null)
        {
            LogUnknownIntent(logger, intent.Id, outcome.EventId);
            return;
        }

        var actor = new Actor { Kind = ActorKind.PaymentProvider, Id = "stripe" };
        var paid = false;
        var refundedLate = false;
        var stored = await orders.ChangeAsync(document.Id, current =>
        {
            var order = current.Value;
            paid = false;
            refundedLate = false;
            if (order.Payment.ProviderReference != intent.Id || !PaymentTransitions.IsAwaitingPayment(order))
            {
                if (intent.Status == "succeeded" && order.Payment.ProviderReference == intent.Id && LateCardPayments.IsClosedUnpaid(order))
                {
                    // The customer paid for an order that will not ship: record the money and send it back.
                    refundedLate = true;
                    var received = intent.AmountReceivedMinor > 0 ? intent.AmountReceivedMinor : intent.AmountMinor;
                    return LateCardPayments.ReceiveAndRefund(order, received, actor, outcome.EventType, timeProvider.GetUtcNow());
                }

                return OrderChange.None;
            }

            var now = timeProvider.GetUtcNow();
            switch (intent.Status)
            {
                case "succeeded" when intent.AmountMinor == order.Payment.Amount.AmountMinor:
                    paid = true;
                    return PaymentTransitions.Pay(order, actor, outcome.EventType, now);
                case "succeeded":
                    LogAmountMismatch(logger, order.Order.Id, intent.Id, intent.AmountReceivedMinor, order.Payment.Amount.AmountMinor);
                    return OrderChange.None;
                case "canceled":
                    return PaymentTransitions.Fail(order, PaymentState.Cancelled, intent.FailureMessage ?? "The payment was cancelled.", actor, outcome.EventType, now);
                case "requires_payment_method" when outcome.EventType == "payment_intent.payment_failed":
                    return PaymentTransitions.Fail(order, PaymentState.Failed, intent.FailureMessage ?? "The card was declined.", actor, outcome.EventType, now);
                default:
                    return OrderChange.None;
            }
        }, cancellationToken);
        if (paid && stored is not null)
        {
            crashPoints.Reach(CrashPoints.PaymentBeforeShipmentEffects);
        }

        if (refundedLate && stored is not null)
        {
            LogPaidTooLate(logger, stored.Id, intent.Id, OrderHistory.Name(stored.Value.State));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card outcome {EventId} names PaymentIntent {IntentId} of no known order; ignored")]
    private static partial void LogUnknownIntent(ILogger logger, string intentId, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was paid by PaymentIntent {IntentId} while {State}; the payment is refunded in full")]
    private static partial void LogPaidTooLate(ILogger logger, string orderId, string intentId, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "PaymentIntent {IntentId} of order {OrderId} received {Received} instead of {Expected}; the order stays unpaid")]
    private static partial void LogAmountMismatch(ILogger logger, string orderId, string intentId, long received, long expected);
}
