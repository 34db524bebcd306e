using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Dixis.Orders.Carts;

/// <summary>The cart's errors, each with its reason from <c>dixis.orders.v1.ErrorReason</c> and the detail its code calls for.</summary>
public static class CartErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every orders error.</summary>
    public const string Domain = OrderErrors.Domain;

    public const string CartType = "dixis.orders.v1.Cart";

    /// <summary>The same answer for a cart that does not exist and for one of another user, so ids cannot be probed.</summary>
    public static RpcException CartNotFound(string cartId) =>
        RpcErrors.NotFound(Domain, OrderErrors.Reason(ErrorReason.CartNotFound), CartType, cartId, $"Cart '{cartId}' does not exist.");

    public static RpcException QuantityOutOfRange(long quantity, long maxQuantity) =>
        RpcErrors.InvalidArgument(Domain, [new FieldViolation("quantity", $"must be 1 to {maxQuantity}; got {quantity}", OrderErrors.Reason(ErrorReason.QuantityOutOfRange))]);

    public static RpcException SkuUnavailable(string sku) =>
        RpcErrors.InvalidArgument(Domain, [new FieldViolation("sku", $"SKU '{sku}' does not exist or is not on sale", OrderErrors.Reason(ErrorReason.SkuUnavailable))]);

    public static RpcException Required(string field) => RpcErrors.InvalidField(Domain, field, "is required");

    public static RpcException TooManyLines(int maxLines) =>
        RpcErrors.InvalidField(Domain, "sku", $"the cart already holds {maxLines} different SKUs, the most it can; remove a line first");
}
