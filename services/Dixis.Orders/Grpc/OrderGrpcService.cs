using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Orders;
using Grpc.Core;

namespace Dixis.Orders.Grpc;

/// <summary><c>dixis.orders.v1.OrderService</c>: checkout, order reads, and the moves of an order's state machine.</summary>
public sealed class OrderGrpcService(CheckoutService checkout, CheckoutPreview preview, OrderQueries queries, OrderLifecycle lifecycle) : OrderService.OrderServiceBase
{
    public override Task<PreviewOrderResponse> PreviewOrder(PreviewOrderRequest request, ServerCallContext context) =>
        preview.PreviewAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<PlaceOrderResponse> PlaceOrder(PlaceOrderRequest request, ServerCallContext context) =>
        checkout.PlaceAsync(request, context.GetCaller(), context.RequestHeaders.GetValue("authorization"), context.CancellationToken);

    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        queries.GetAsync(request.OrderId, context.GetCaller(), context.CancellationToken);

    public override Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context) =>
        queries.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Order> CancelOrder(CancelOrderRequest request, ServerCallContext context) =>
        lifecycle.CancelAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Order> UpdateParcelState(UpdateParcelStateRequest request, ServerCallContext context) =>
        lifecycle.UpdateParcelStateAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Order> RecordShipmentProgress(RecordShipmentProgressRequest request, ServerCallContext context) =>
        lifecycle.RecordShipmentProgressAsync(request, context.CancellationToken);
}
