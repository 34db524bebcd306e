using Dixis.Contracts.Orders.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Orders;

/// <summary>Serves <c>dixis.orders.v1.PaymentService</c> at the gateway by forwarding each call to the orders service.</summary>
public sealed class PaymentServiceForwarder(GrpcForwarder forwarder, PaymentService.PaymentServiceClient downstream)
    : PaymentService.PaymentServiceBase
{
    public override Task<ListPaymentMethodsResponse> ListPaymentMethods(ListPaymentMethodsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListPaymentMethodsAsync, request, context);

    public override Task<Payment> GetPayment(GetPaymentRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetPaymentAsync, request, context);

    public override Task<ListPaymentsResponse> ListPayments(ListPaymentsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListPaymentsAsync, request, context);

    public override Task<Payment> ConfirmBankTransfer(ConfirmBankTransferRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ConfirmBankTransferAsync, request, context);

    public override Task<Refund> CreateRefund(CreateRefundRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateRefundAsync, request, context);

    public override Task<Refund> GetRefund(GetRefundRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetRefundAsync, request, context);

    public override Task<ListRefundsResponse> ListRefunds(ListRefundsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListRefundsAsync, request, context);
}
