using System.Collections.Frozen;
using Dixis.Contracts.Orders.V1;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;

namespace Dixis.Orders.Model;

/// <summary>The orders service's errors, each with its reason from <c>dixis.orders.v1.ErrorReason</c> and the detail its code calls for.</summary>
public static class OrderErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every orders error.</summary>
    public const string Domain = "dixis.orders";

    public const string OrderType = "dixis.orders.v1.Order";
    public const string PaymentType = "dixis.orders.v1.Payment";
    public const string RefundType = "dixis.orders.v1.Refund";

    private static readonly FrozenDictionary<ErrorReason, string> ReasonNames =
        ErrorReasonNames.Of<ErrorReason>(ErrorReasonReflection.Descriptor.EnumTypes[0]);

    /// <summary>
    /// The reason's name as sent: <c>ERROR_REASON_CART_EMPTY</c> → <c>CART_EMPTY</c>. The one mapping of the
    /// <c>dixis.orders</c> domain, used by orders, carts and card payments alike.
    /// </summary>
    public static string Reason(ErrorReason reason) => ReasonNames[reason];

    public static RpcException OrderNotFound(string orderId) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.OrderNotFound), OrderType, orderId, $"Order '{orderId}' does not exist or is not visible to you.");

    public static RpcException PaymentNotFound(string paymentId) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.OrderNotFound), PaymentType, paymentId, $"Payment '{paymentId}' does not exist or is not visible to you.");

    public static RpcException RefundNotFound(string orderId, string refundId) =>
        RpcErrors.NotFound(Domain, Reason(ErrorReason.OrderNotFound), RefundType, $"{orderId}/refunds/{refundId}", $"Refund '{refundId}' of order '{orderId}' does not exist or is not visible to you.");

    public static RpcException Precondition(ErrorReason reason, string message, string type, string subject) =>
        RpcErrors.FailedPrecondition(Domain, Reason(reason), message, [new PreconditionViolation(type, subject, message)]);

    public static RpcException IllegalTransition(string orderId, string message) =>
        Precondition(ErrorReason.IllegalStateTransition, message, "STATE", $"orders/{orderId}");
}
