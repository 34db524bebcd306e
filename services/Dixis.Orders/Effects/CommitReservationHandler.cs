using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Orders;
using Dixis.Persistence.Outbox;
using Grpc.Core;

namespace Dixis.Orders.Effects;

/// <summary>
/// Commits a paid or confirmed order's reservation in the catalog (idempotent there by order id). When the order was
/// cancelled before this commit arrived, its return already released the hold and the catalog refuses the commit; for
/// an order still live, the refusal is a dead letter for an operator.
/// </summary>
public sealed partial class CommitReservationHandler(InventoryService.InventoryServiceClient inventory, OrderRepository orders, ILogger<CommitReservationHandler> logger) : IOutboxHandler
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
            // Retrying cannot help (the hold expired, was released or returned). After a cancellation that is the intended
            // outcome; otherwise an operator must reconcile, so say it loudly once.
            if ((await orders.GetAsync(request.OrderId, cancellationToken))?.Value.State == OrderState.Cancelled)
            {
                LogCommitAfterCancellation(logger, request.OrderId);
                return;
            }

            // A live order whose stock is no longer held: park it as a dead letter (logged, counted, the health check
            // degraded) for an operator to reconcile and then requeue, rather than completing it with a log line.
            throw new PermanentOutboxFailureException(
                $"The catalog refused to commit the reservation of order {request.OrderId} ({final.StatusCode}: {final.Status.Detail}); reconcile its stock, then requeue this message.",
                final);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} was cancelled before its reservation was committed; the catalog kept the units")]
    private static partial void LogCommitAfterCancellation(ILogger logger, string orderId);
}
