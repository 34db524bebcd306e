using System.Text;
using Dixis.Orders.Payments.Cards;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Effects;

/// <summary>Cancels the PaymentIntent of a card order that expired or was cancelled unpaid, so it can no longer be charged.</summary>
public sealed class CancelCardPaymentHandler(ICardPaymentProvider cards) : IOutboxHandler
{
    public string MessageType => OrderEffects.CancelCardPaymentType;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var intentId = Encoding.UTF8.GetString(message.Payload);
        return cards.IsAvailable ? cards.CancelPaymentIntentAsync(intentId, $"cancel-{intentId}", cancellationToken) : Task.CompletedTask;
    }
}
