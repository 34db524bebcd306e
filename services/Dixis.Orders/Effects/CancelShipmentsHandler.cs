using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Effects;

/// <summary>Cancels every not-yet-shipped shipment of a cancelled order (idempotent in the Shipping service).</summary>
public sealed class CancelShipmentsHandler(ShipmentService.ShipmentServiceClient shipments) : IOutboxHandler
{
    public string MessageType => OrderEffects.CancelShipmentsType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await shipments.CancelOrderShipmentsAsync(CancelOrderShipmentsRequest.Parser.ParseFrom(message.Payload), cancellationToken: cancellationToken);
    }
}
