using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Outbox;
using Grpc.Core;

namespace Dixis.Orders.Effects;

/// <summary>Commits a paid or confirmed order's reservation in the catalog (idempotent there by order id).</summary>
public sealed partial class CommitReservationHandler(InventoryService.InventoryServiceClient inventory, ILogger<CommitReservationHandler> logger) : IOutboxHandler
{
    public string MessageType => OrderEffects.CommitReservationType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = CommitReservationRequest.Parser.ParseFrom(message.Payload);
        try
        {
            await inventory.CommitReservationAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException final) when (final.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            // Retrying cannot help (the hold expired or was released): an operator must reconcile, so say it loudly once.
            LogCommitRefused(logger, request.OrderId, final.Status.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The catalog refused to commit the reservation of order {OrderId}: {Detail}")]
    private static partial void LogCommitRefused(ILogger logger, string orderId, string detail);
}
