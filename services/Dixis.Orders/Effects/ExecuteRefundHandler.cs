using System.Text;
using Dixis.Orders.Refunds;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Effects;

/// <summary>Sends a pending refund to the provider (the safety net behind CreateRefund's direct call and the refund of a cancellation).</summary>
public sealed class ExecuteRefundHandler(RefundExecution refunds) : IOutboxHandler
{
    public string MessageType => OrderEffects.ExecuteRefundType;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = Encoding.UTF8.GetString(message.Payload).Split('/', 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            // No retry can make sense of it: park it for an operator instead of retrying it 50 times.
            throw new PermanentOutboxFailureException($"An {MessageType} payload is '<order id>/<refund id>'; this one has {parts.Length} part(s).");
        }

        return refunds.ExecuteAsync(parts[0], parts[1], cancellationToken);
    }
}
