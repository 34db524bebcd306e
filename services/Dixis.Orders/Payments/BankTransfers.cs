using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Checkout;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Payments;

/// <summary>
/// An admin records that a bank transfer arrived: the payment succeeds and the order is paid (reservation committed,
/// shipments created). Idempotent by request id: the confirmation's id is stored with the payment it paid.
/// </summary>
public sealed class BankTransfers(OrderRepository orders, CrashPoints crashPoints, TimeProvider timeProvider)
{
    private const string Domain = OrderErrors.Domain;

    public async Task<Payment> ConfirmAsync(ConfirmBankTransferRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.PaymentId))
        {
            violations.Add("payment_id", "is required.");
        }

        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", "is required: a UUID, so a retried confirmation is applied once.");
        }

        if (request.ReceivedAmount is null || request.ReceivedAmount.AmountMinor <= 0 || request.ReceivedAmount.CurrencyCode.Length != 3)
        {
            violations.Add("received_amount", "is required: the amount received, positive, with its currency code.");
        }

        if (request.BankReference.Length > 200)
        {
            violations.Add("bank_reference", "is longer than 200 characters.");
        }

        violations.ThrowIfAny(Domain);
        var found = await orders.FindByPaymentIdAsync(request.PaymentId, cancellationToken);
        if (found is null || found.Value.Stage != CheckoutStage.Placed)
        {
            throw OrderErrors.PaymentNotFound(request.PaymentId);
        }

        var actor = OrderHistory.ActorOf(caller);
        var paid = false;
        var stored = await orders.ChangeAsync(found.Id, current =>
        {
            paid = false;
            var order = current.Value;
            var payment = order.Payment;
            if (payment.Method != PaymentMethod.BankTransfer)
            {
                throw OrderErrors.IllegalTransition(order.Order.Id, $"Payment '{payment.Id}' is not a bank transfer.");
            }

            if (payment.State == PaymentState.Succeeded || order.BankConfirmationRequestId is not null)
            {
                return order.BankConfirmationRequestId == request.RequestId.ToLowerInvariant()
                    ? OrderChange.None
                    : throw OrderErrors.IllegalTransition(order.Order.Id, $"Payment '{payment.Id}' was already confirmed.");
            }

            var now = timeProvider.GetUtcNow();
            var expired = payment.State == PaymentState.Expired || (payment.ExpireTime is { } expiry && expiry.ToDateTimeOffset() <= now);
            if (!PaymentTransitions.IsAwaitingPayment(order) || expired)
            {
                throw OrderErrors.IllegalTransition(order.Order.Id, expired
                    ? $"Order '{order.Order.Id}' expired unpaid and its stock was released; it cannot be paid any more. Return the transfer or place a new order."
                    : $"Order '{order.Order.Id}' is {OrderHistory.Name(order.State)} and no longer awaits a transfer.");
            }

            var received = request.ReceivedAmount!;
            if (received.CurrencyCode != payment.Amount.CurrencyCode || received.AmountMinor < payment.Amount.AmountMinor)
            {
                throw OrderErrors.Precondition(OrdersErrorReason.AmountShort,
                    $"{received.AmountMinor} {received.CurrencyCode} received, {payment.Amount.AmountMinor} {payment.Amount.CurrencyCode} due (minor units): the order stays unpaid.",
                    "AMOUNT", $"payments/{payment.Id}");
            }

            order.BankConfirmationRequestId = request.RequestId.ToLowerInvariant();
            paid = true;
            return PaymentTransitions.Pay(order, actor, request.BankReference.Length > 0 ? $"bank transfer {request.BankReference}" : "bank transfer received", now);
        }, cancellationToken) ?? throw OrderErrors.PaymentNotFound(request.PaymentId);
        if (paid)
        {
            crashPoints.Reach(CrashPoints.PaymentBeforeShipmentEffects);
        }

        return OrderViews.PaymentFor(stored.Value, caller);
    }
}
