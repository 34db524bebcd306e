using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Payments;
using Dixis.Orders.Refunds;
using Grpc.Core;

namespace Dixis.Orders.Grpc;

/// <summary><c>dixis.orders.v1.PaymentService</c>: payment methods, payments, bank-transfer confirmation and refunds.</summary>
public sealed class PaymentGrpcService(PaymentQueries payments, BankTransfers bankTransfers, RefundService refunds) : PaymentService.PaymentServiceBase
{
    public override Task<ListPaymentMethodsResponse> ListPaymentMethods(ListPaymentMethodsRequest request, ServerCallContext context) =>
        Task.FromResult(payments.ListMethods(request));

    public override Task<Payment> GetPayment(GetPaymentRequest request, ServerCallContext context) =>
        payments.GetAsync(request.PaymentId, context.GetCaller(), context.CancellationToken);

    public override Task<ListPaymentsResponse> ListPayments(ListPaymentsRequest request, ServerCallContext context) =>
        payments.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Payment> ConfirmBankTransfer(ConfirmBankTransferRequest request, ServerCallContext context) =>
        bankTransfers.ConfirmAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Refund> CreateRefund(CreateRefundRequest request, ServerCallContext context) =>
        refunds.CreateAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Refund> GetRefund(GetRefundRequest request, ServerCallContext context) =>
        refunds.GetAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<ListRefundsResponse> ListRefunds(ListRefundsRequest request, ServerCallContext context) =>
        refunds.ListAsync(request, context.GetCaller(), context.CancellationToken);
}
