using Dixis.Contracts.Orders.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Orders;

/// <summary>Serves <c>dixis.orders.v1.OrderService</c> at the gateway by forwarding each call to the orders service.</summary>
/// <remarks>Not overridden, so not served by the gateway (UNIMPLEMENTED): the service-to-service methods <c>RecordShipmentProgress</c>.</remarks>
public sealed class OrderServiceForwarder(GrpcForwarder forwarder, OrderService.OrderServiceClient downstream)
    : OrderService.OrderServiceBase
{
    public override Task<PreviewOrderResponse> PreviewOrder(PreviewOrderRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.PreviewOrderAsync, request, context);

    public override Task<PlaceOrderResponse> PlaceOrder(PlaceOrderRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.PlaceOrderAsync, request, context);

    public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetOrderAsync, request, context);

    public override Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListOrdersAsync, request, context);

    public override Task<Order> CancelOrder(CancelOrderRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CancelOrderAsync, request, context);

    public override Task<Order> UpdateParcelState(UpdateParcelStateRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateParcelStateAsync, request, context);
}
