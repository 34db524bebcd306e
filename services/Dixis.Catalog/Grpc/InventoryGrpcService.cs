using Dixis.Catalog.Inventory;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.InventoryService</c>: stock per SKU and reservations per order.</summary>
public sealed class InventoryGrpcService(StockLedger stock, ReservationLedger reservations) : InventoryService.InventoryServiceBase
{
    public override Task<StockLevel> GetStock(GetStockRequest request, ServerCallContext context) =>
        stock.GetAsync(request.Sku, context.GetCaller(), context.CancellationToken);

    public override Task<BatchGetStockResponse> BatchGetStock(BatchGetStockRequest request, ServerCallContext context) =>
        stock.BatchGetAsync(request.Skus, context.GetCaller(), context.CancellationToken);

    public override Task<AdjustStockResponse> AdjustStock(AdjustStockRequest request, ServerCallContext context) =>
        stock.AdjustAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<ListStockAdjustmentsResponse> ListStockAdjustments(ListStockAdjustmentsRequest request, ServerCallContext context) =>
        stock.ListAdjustmentsAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Reservation> ReserveStock(ReserveStockRequest request, ServerCallContext context) =>
        reservations.ReserveAsync(request, context.CancellationToken);

    public override Task<Reservation> CommitReservation(CommitReservationRequest request, ServerCallContext context) =>
        reservations.CommitAsync(request.OrderId, context.CancellationToken);

    public override Task<Reservation> ReleaseReservation(ReleaseReservationRequest request, ServerCallContext context) =>
        reservations.ReleaseAsync(request.OrderId, request.Reason, context.CancellationToken);

    public override Task<Reservation> ReturnReservation(ReturnReservationRequest request, ServerCallContext context) =>
        reservations.ReturnAsync(request.OrderId, request.Reason, context.CancellationToken);

    public override Task<Reservation> GetReservation(GetReservationRequest request, ServerCallContext context) =>
        reservations.GetAsync(request.OrderId, context.CancellationToken);
}
