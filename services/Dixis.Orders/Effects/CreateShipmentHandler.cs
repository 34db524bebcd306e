using Dixis.Contracts.Shipping.V1;
using Dixis.Orders.Checkout;
using Dixis.Persistence.Outbox;

namespace Dixis.Orders.Effects;

/// <summary>
/// Creates a parcel's shipment in the Shipping service (idempotent there by request id <c>&lt;order&gt;/&lt;parcel&gt;</c>).
/// Nothing else: Shipping reports the shipment back through <c>RecordShipmentProgress</c> (PREPARING with its id).
/// </summary>
public sealed class CreateShipmentHandler(ShipmentService.ShipmentServiceClient shipments, CrashPoints crashPoints) : IOutboxHandler
{
    public string MessageType => OrderEffects.CreateShipmentType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await shipments.CreateShipmentAsync(CreateShipmentRequest.Parser.ParseFrom(message.Payload), cancellationToken: cancellationToken);
        crashPoints.Reach(CrashPoints.EffectsAfterCreateShipment);
    }
}
