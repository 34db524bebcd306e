using Dixis.Contracts.Orders.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Orders;

/// <summary>Serves <c>dixis.orders.v1.CartService</c> at the gateway by forwarding each call to the orders service.</summary>
public sealed class CartServiceForwarder(GrpcForwarder forwarder, CartService.CartServiceClient downstream)
    : CartService.CartServiceBase
{
    public override Task<Cart> CreateCart(CreateCartRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateCartAsync, request, context);

    public override Task<Cart> GetCart(GetCartRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetCartAsync, request, context);

    public override Task<Cart> GetMyCart(GetMyCartRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetMyCartAsync, request, context);

    public override Task<Cart> AddCartLine(AddCartLineRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.AddCartLineAsync, request, context);

    public override Task<Cart> UpdateCartLine(UpdateCartLineRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateCartLineAsync, request, context);

    public override Task<Cart> RemoveCartLine(RemoveCartLineRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.RemoveCartLineAsync, request, context);

    public override Task<Cart> ClearCart(ClearCartRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ClearCartAsync, request, context);

    public override Task<Cart> MergeCart(MergeCartRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.MergeCartAsync, request, context);
}
