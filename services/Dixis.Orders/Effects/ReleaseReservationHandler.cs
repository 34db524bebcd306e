using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Outbox;
using Grpc.Core;

namespace Dixis.Orders.Effects;

/// <summary>Releases an order's reservation in the catalog (idempotent there; a missing reservation has nothing to release).</summary>
public sealed class ReleaseReservationHandler(InventoryService.InventoryServiceClient inventory) : IOutboxHandler
{
    public string MessageType => OrderEffects.ReleaseReservationType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await inventory.ReleaseReservationAsync(ReleaseReservationRequest.Parser.ParseFrom(message.Payload), cancellationToken: cancellationToken);
        }
        catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
        {
            // The reservation never happened (checkout abandoned before ReserveStock succeeded).
        }
    }
}
