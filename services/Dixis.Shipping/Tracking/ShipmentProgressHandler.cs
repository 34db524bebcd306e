using Dixis.Contracts.Orders.V1;
using Dixis.Persistence.Outbox;
using Grpc.Core;

namespace Dixis.Shipping.Tracking;

/// <summary>
/// Delivers <see cref="ShipmentProgress"/> messages to <c>OrderService.RecordShipmentProgress</c>. Any failure throws:
/// the outbox retries a transient one (Orders down, or not answering the method yet: UNIMPLEMENTED) with back-off and
/// parks a permanent one (e.g. NOT_FOUND: Orders knows no such order) as a dead letter for an operator.
/// </summary>
public sealed partial class ShipmentProgressHandler(OrderService.OrderServiceClient orders, ILogger<ShipmentProgressHandler> logger) : IOutboxHandler
{
    public string MessageType => ShipmentProgress.MessageType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var request = RecordShipmentProgressRequest.Parser.ParseFrom(message.Payload);
        try
        {
            await orders.RecordShipmentProgressAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException error)
        {
            LogNotRecorded(logger, request.ShipmentId, request.State, request.EventId, error.StatusCode, message.Attempt);
            throw;
        }

        LogRecorded(logger, request.ShipmentId, request.State, request.EventId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orders recorded shipment {ShipmentId} as {ParcelState} (event {EventId})")]
    private static partial void LogRecorded(ILogger logger, string shipmentId, ParcelState parcelState, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orders did not record shipment {ShipmentId} as {ParcelState} (event {EventId}): {StatusCode} on attempt {Attempt}; the outbox retries it, or parks it when the failure is permanent")]
    private static partial void LogNotRecorded(ILogger logger, string shipmentId, ParcelState parcelState, string eventId, StatusCode statusCode, int attempt);
}
