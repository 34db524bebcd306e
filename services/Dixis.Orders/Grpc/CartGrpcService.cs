using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Carts;
using Grpc.Core;

namespace Dixis.Orders.Grpc;

/// <summary><c>dixis.orders.v1.CartService</c>: guest and signed-in carts, each answer re-read from the catalog.</summary>
public sealed class CartGrpcService(ShoppingCarts carts) : CartService.CartServiceBase
{
    public override Task<Cart> CreateCart(CreateCartRequest request, ServerCallContext context) =>
        carts.CreateAsync(context.GetCaller(), context.CancellationToken);

    public override Task<Cart> GetCart(GetCartRequest request, ServerCallContext context) =>
        carts.GetAsync(request.CartId, context.GetCaller(), context.CancellationToken);

    public override Task<Cart> GetMyCart(GetMyCartRequest request, ServerCallContext context) =>
        carts.GetMineAsync(context.GetCaller(), context.CancellationToken);

    public override Task<Cart> AddCartLine(AddCartLineRequest request, ServerCallContext context) =>
        carts.AddLineAsync(request.CartId, request.Sku, request.Quantity, context.GetCaller(), context.CancellationToken);

    public override Task<Cart> UpdateCartLine(UpdateCartLineRequest request, ServerCallContext context) =>
        carts.UpdateLineAsync(request.CartId, request.Sku, request.Quantity, context.GetCaller(), context.CancellationToken);

    public override Task<Cart> RemoveCartLine(RemoveCartLineRequest request, ServerCallContext context) =>
        carts.RemoveLineAsync(request.CartId, request.Sku, context.GetCaller(), context.CancellationToken);

    public override Task<Cart> ClearCart(ClearCartRequest request, ServerCallContext context) =>
        carts.ClearAsync(request.CartId, context.GetCaller(), context.CancellationToken);

    public override Task<Cart> MergeCart(MergeCartRequest request, ServerCallContext context) =>
        carts.MergeAsync(request.GuestCartId, context.GetCaller(), context.CancellationToken);
}
