using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Outbox;
using Grpc.Core;

namespace Dixis.Orders.Effects;

/// <summary>
/// Returns a cancelled paid or confirmed order's reservation to the catalog: committed units go back on hand, a hold
/// whose commit has not arrived yet is released. Idempotent there by order id, so redelivery never adds units twice.
/// </summary>
public sealed partial class ReturnReservationHandler(InventoryService.InventoryServiceClient inventory, ILogger<ReturnReservationHandler> logger) : IOutboxHandler
{
    public string MessageType => OrderEffects.ReturnReservationType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = ReturnReservationRequest.Parser.ParseFrom(message.Payload);
        try
        {
            await inventory.ReturnReservationAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
        {
            // A paid or confirmed order always reserved first: retrying cannot help, an operator must look.
            LogReservationMissing(logger, request.OrderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The catalog has no reservation to return for cancelled order {OrderId}")]
    private static partial void LogReservationMissing(ILogger logger, string orderId);
}
