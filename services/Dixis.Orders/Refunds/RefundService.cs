using System.Security.Cryptography;
using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Orders;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf;
using Dixis.Persistence.Documents;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Refunds;

/// <summary>
/// Refunds in full, by amount or by lines (with or without shipping), never more than paid minus refunded. Idempotent
/// by request id: the refund stores its key (unique), so a retry — even concurrent — finds it instead of refunding twice.
/// The refund and its booking on the order commit together with an outbox message that sends a card refund to the
/// provider should the direct call after the commit not happen.
/// </summary>
public sealed class RefundService(OrderRepository orders, RefundExecution execution, TimeProvider timeProvider)
{
    private const string Domain = OrderErrors.Domain;
    private const int MaxReasonLength = 500;

    public async Task<Refund> CreateAsync(CreateRefundRequest request, Caller caller, CancellationToken cancellationToken)
    {
        Validate(request);
        var requestKey = $"{caller.ActorId}:{request.RequestId.ToLowerInvariant()}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        if (await FindAsync(requestKey, fingerprint, request.RequestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var actor = OrderHistory.ActorOf(caller);
        var refundId = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("D");
        var card = false;
        try
        {
            _ = await orders.ChangeAsync(request.OrderId, current =>
            {
                var order = current.Value;
                if (!OrderViews.CanSee(order, caller))
                {
                    throw OrderErrors.OrderNotFound(request.OrderId);
                }

                var now = timeProvider.GetUtcNow();
                var (amount, lines) = Amount(order, request);
                var refund = RefundBook.Record(order, refundId, amount, lines, request.Refund.IncludeShipping, request.Refund.Reason, actor, now);
                card = refund.State == RefundState.Pending;
                var change = card ? OrderChange.With(OrderEffects.ExecuteRefund(order.Order.Id, refundId)) : new OrderChange();
                change.NewRefunds.Add((refundId, new RefundDocument
                {
                    OrderId = order.Order.Id,
                    CreateTimeMs = now.ToUnixTimeMilliseconds(),
                    RequestKey = requestKey,
                    RequestFingerprint = fingerprint,
                    Lines = [.. lines],
                    Refund = refund,
                }));
                return change;
            }, cancellationToken) ?? throw OrderErrors.OrderNotFound(request.OrderId);
        }
        catch (UniqueIndexViolationException)
        {
            // The same request ran concurrently and stored its refund first.
            return await FindAsync(requestKey, fingerprint, request.RequestId, cancellationToken)
                ?? throw new InvalidOperationException($"Refund request '{requestKey}' clashed with a refund that cannot be found.");
        }

        var stored = card ? await execution.ExecuteAsync(request.OrderId, refundId, cancellationToken) : await orders.Refunds.GetAsync(refundId, cancellationToken);
        return stored!.Value.Refund;
    }

    public async Task<Refund> GetAsync(GetRefundRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await VisibleOrderAsync(request.OrderId, caller, cancellationToken);
        var refund = request.RefundId.Length is > 0 and <= 64 ? await orders.Refunds.GetAsync(request.RefundId, cancellationToken) : null;
        return refund is not null && refund.Value.OrderId == request.OrderId ? refund.Value.Refund : throw OrderErrors.RefundNotFound(request.OrderId, request.RefundId);
    }

    public async Task<ListRefundsResponse> ListAsync(ListRefundsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, 20, 100, Domain);
        await VisibleOrderAsync(request.OrderId, caller, cancellationToken);
        var (items, next) = await orders.Refunds.PageAsync(
            new Query { Filter = Filter.Eq("orderId", request.OrderId), Sort = [SortField.DescendingBy("createTimeMs")], PageSize = pageSize },
            request.PageToken, $"refunds|{request.OrderId}", Domain, cancellationToken);
        var response = new ListRefundsResponse { NextPageToken = next };
        response.Refunds.AddRange(items.Select(item => item.Value.Refund));
        return response;
    }

    private async Task VisibleOrderAsync(string orderId, Caller caller, CancellationToken cancellationToken)
    {
        if (orderId.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, "order_id", "is required.");
        }

        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || !OrderViews.CanSeePayments(order.Value, caller))
        {
            throw OrderErrors.OrderNotFound(orderId);
        }
    }

    private async Task<Refund?> FindAsync(string requestKey, string fingerprint, string requestId, CancellationToken cancellationToken)
    {
        var earlier = await orders.Refunds.FirstOrDefaultAsync(Filter.Eq("requestKey", requestKey), cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.Value.RequestFingerprint != fingerprint)
        {
            throw RpcErrors.AlreadyExists(Domain, RpcErrors.RequestIdReusedReason, OrderErrors.RefundType, requestId,
                $"request_id '{requestId}' was already used for a different refund; nothing was refunded. Use a new request_id.");
        }

        var current = earlier.Value.Refund.State == RefundState.Pending ? await execution.ExecuteAsync(earlier.Value.OrderId, earlier.Id, cancellationToken) : earlier;
        return current!.Value.Refund;
    }

    /// <summary>The amount to refund and the line units it covers; REFUND_EXCEEDS_PAID above what is still refundable.</summary>
    private static (long Amount, List<RefundLineQuantity> Lines) Amount(OrderDocument order, CreateRefundRequest request)
    {
        var totals = order.Order.Totals;
        var refundable = totals.PaidTotal.AmountMinor - totals.RefundedTotal.AmountMinor;
        var wanted = request.Refund;
        var lines = new List<RefundLineQuantity>();
        long amount;
        if (wanted.Lines.Count > 0)
        {
            var violations = new FieldViolations();
            amount = 0;
            for (var i = 0; i < wanted.Lines.Count; i++)
            {
                var line = order.Order.Lines.FirstOrDefault(l => l.Id == wanted.Lines[i].OrderLineId);
                if (line is null)
                {
                    violations.Add($"refund.lines[{i}].order_line_id", $"'{wanted.Lines[i].OrderLineId}' is not a line of order '{order.Order.Id}'.");
                }
                else if (wanted.Lines[i].Quantity < 1 || wanted.Lines[i].Quantity > line.Quantity - line.RefundedQuantity)
                {
                    violations.Add($"refund.lines[{i}].quantity", $"must be 1 to {line.Quantity - line.RefundedQuantity} (ordered minus already refunded).");
                }
                else
                {
                    amount += line.UnitPrice.AmountMinor * wanted.Lines[i].Quantity;
                    lines.Add(new RefundLineQuantity(line.Id, wanted.Lines[i].Quantity));
                }
            }

            violations.ThrowIfAny(Domain);
            if (wanted.IncludeShipping)
            {
                amount += totals.ShippingTotal.AmountMinor;
            }
        }
        else
        {
            amount = wanted.Amount is { AmountMinor: > 0 } explicitAmount ? explicitAmount.AmountMinor : refundable;
        }

        if (amount <= 0 || amount > refundable)
        {
            throw OrderErrors.Precondition(OrdersErrorReason.RefundExceedsPaid,
                $"A refund of {amount} {totals.GrandTotal.CurrencyCode} (minor units) exceeds what is refundable: {refundable} paid and not yet refunded.",
                "AMOUNT", $"orders/{order.Order.Id}");
        }

        return (amount, lines);
    }

    private static void Validate(CreateRefundRequest request)
    {
        var violations = new FieldViolations();
        if (request.OrderId.Length == 0)
        {
            violations.Add("order_id", "is required.");
        }

        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", "is required: a UUID, so a retry never refunds twice.");
        }

        if (request.Refund is null)
        {
            violations.Add("refund", "is required, with its reason.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Refund.Reason))
            {
                violations.Add("refund.reason", "is required.");
            }
            else if (request.Refund.Reason.Length > MaxReasonLength)
            {
                violations.Add("refund.reason", $"is longer than {MaxReasonLength} characters.");
            }

            if (request.Refund.Amount is { } amount && (amount.AmountMinor < 0 || (amount.AmountMinor > 0 && amount.CurrencyCode.Length != 3)))
            {
                violations.Add("refund.amount", "must be a positive amount with its currency code, or unset for everything refundable.");
            }

            if (request.Refund.Amount is { AmountMinor: > 0 } && request.Refund.Lines.Count > 0)
            {
                violations.Add("refund.amount", "cannot be combined with lines: the amount is computed from them.");
            }
        }

        violations.ThrowIfAny(Domain);
    }
}
