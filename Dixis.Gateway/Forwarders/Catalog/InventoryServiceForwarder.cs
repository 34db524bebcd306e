using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Catalog;

/// <summary>Serves <c>dixis.catalog.v1.InventoryService</c> at the gateway by forwarding each call to the catalog service.</summary>
/// <remarks>Not overridden, so not served by the gateway (UNIMPLEMENTED): the service-to-service methods <c>ReserveStock</c>, <c>CommitReservation</c>, <c>ReleaseReservation</c>, <c>ReturnReservation</c>, <c>GetReservation</c>.</remarks>
public sealed class InventoryServiceForwarder(GrpcForwarder forwarder, InventoryService.InventoryServiceClient downstream)
    : InventoryService.InventoryServiceBase
{
    public override Task<StockLevel> GetStock(GetStockRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetStockAsync, request, context);

    public override Task<BatchGetStockResponse> BatchGetStock(BatchGetStockRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.BatchGetStockAsync, request, context);

    public override Task<AdjustStockResponse> AdjustStock(AdjustStockRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.AdjustStockAsync, request, context);

    public override Task<ListStockAdjustmentsResponse> ListStockAdjustments(ListStockAdjustmentsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListStockAdjustmentsAsync, request, context);
}
