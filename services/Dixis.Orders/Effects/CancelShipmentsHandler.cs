using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Orders;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Effects;

/// <summary>
/// Cancels every not-yet-shipped shipment of a cancelled order and every parcel that has none yet (idempotent in the
/// Shipping service, which keeps a tombstone for the latter so a delayed CreateShipment cannot create one later).
/// </summary>
public sealed class CancelShipmentsHandler(ShipmentService.ShipmentServiceClient shipments, OrderRepository orders) : IOutboxHandler
{
    public string MessageType => OrderEffects.CancelShipmentsType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = CancelOrderShipmentsRequest.Parser.ParseFrom(message.Payload);
        if (request.ParcelIds.Count == 0 && await orders.GetAsync(request.OrderId, cancellationToken) is { } order)
        {
            // Enqueued before messages named the parcels: an order's parcels never change after placement, so read them.
            request.ParcelIds.AddRange(order.Value.Order.Parcels.Select(parcel => parcel.Id));
        }

        await shipments.CancelOrderShipmentsAsync(request, cancellationToken: cancellationToken);
    }
}
