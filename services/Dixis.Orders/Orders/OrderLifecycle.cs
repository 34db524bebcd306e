using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Effects;
using Dixis.Orders.Model;
using Dixis.Orders.Refunds;
using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using OrdersErrorReason = Dixis.Contracts.Orders.V1.ErrorReason;

namespace Dixis.Orders.Orders;

/// <summary>
/// The moves of a placed order that people and the Shipping service make: cancellation, parcel progress by its
/// producer or an admin, and shipment events. Each is one versioned change of the order with its effects.
/// </summary>
public sealed partial class OrderLifecycle(OrderRepository orders, TimeProvider timeProvider, ILogger<OrderLifecycle> logger)
{
    private const string Domain = OrderErrors.Domain;
    private const int MaxNoteLength = 500;
    private const int RememberedEvents = 200;

    public async Task<Order> CancelAsync(CancelOrderRequest request, Caller caller, CancellationToken cancellationToken)
    {
        Require(request.OrderId, "order_id");
        if (request.Reason.Length > MaxNoteLength)
        {
            throw RpcErrors.InvalidField(Domain, "reason", $"is longer than {MaxNoteLength} characters.");
        }

        var actor = OrderHistory.ActorOf(caller);
        var stored = await orders.ChangeAsync(request.OrderId, current =>
        {
            var order = current.Value;
            if (!OrderViews.CanSee(order, caller))
            {
                throw OrderErrors.OrderNotFound(request.OrderId);
            }

            if (!caller.IsAdmin && order.CustomerUserId != caller.Subject)
            {
                throw RpcErrors.PermissionDenied(Domain, RpcErrors.AccessDeniedReason, "Only the customer or an admin may cancel an order.");
            }

            if (request.Etag.Length > 0 && (!Etag.TryParse(request.Etag, out var version) || version != current.Version))
            {
                throw RpcErrors.EtagMismatch(Domain, request.OrderId);
            }

            if (order.State == OrderState.Cancelled)
            {
                return OrderChange.None;
            }

            if (!OrderStateMachine.IsCancellable(order.Order))
            {
                throw order.Order.Parcels.Any(parcel => parcel.State is ParcelState.Shipped or ParcelState.Delivered or ParcelState.Returned)
                    ? OrderErrors.Precondition(OrdersErrorReason.OrderNotCancellable,
                        $"Order '{request.OrderId}' cannot be cancelled: a parcel was already handed to the carrier. Ask for a return instead.", "STATE", $"orders/{request.OrderId}")
                    : OrderErrors.IllegalTransition(request.OrderId, $"Order '{request.OrderId}' is {OrderHistory.Name(order.State)} and cannot be cancelled.");
            }

            return Cancel(current, actor, request.Reason.Length > 0 ? request.Reason : "cancelled");
        }, cancellationToken) ?? throw OrderErrors.OrderNotFound(request.OrderId);
        return OrderViews.For(stored, caller);
    }

    private OrderChange Cancel(Document<OrderDocument> current, Actor actor, string reason)
    {
        var order = current.Value;
        var now = timeProvider.GetUtcNow();
        // Paid or confirmed: the reservation's commit and the shipments were enqueued with that move.
        var fulfilling = order.State is OrderState.Paid or OrderState.Confirmed;
        OrderHistory.Move(order, OrderState.Cancelled, actor, reason, now);
        foreach (var parcel in order.Order.Parcels)
        {
            parcel.State = ParcelState.Cancelled;
        }

        order.ExpireTimeMs = null;
        // A committed reservation is returned (its units go back on hand); returning one whose commit is still in the
        // outbox releases it, and the catalog then refuses the late commit, so the units come back in either order.
        var change = OrderChange.With(fulfilling ? OrderEffects.ReturnReservation(order.Order.Id, "cancelled") : OrderEffects.ReleaseReservation(order.Order.Id, "cancelled"));
        if (fulfilling)
        {
            change.Effects.Add(OrderEffects.CancelShipments(order, reason));
        }

        var payment = order.Payment;
        payment.UpdateTime = Timestamp.FromDateTimeOffset(now);
        var refundable = order.Order.Totals.PaidTotal.AmountMinor - order.Order.Totals.RefundedTotal.AmountMinor;
        if (payment.State == PaymentState.Pending)
        {
            payment.State = PaymentState.Cancelled;
            if (payment.Method == PaymentMethod.Card && payment.ProviderReference.Length > 0)
            {
                change.Effects.Add(OrderEffects.CancelCardPayment(payment.ProviderReference));
            }
        }
        else if (refundable > 0)
        {
            var refundId = Guid.CreateVersion7(now).ToString("D");
            var refund = RefundBook.Record(order, refundId, refundable, [], includeShipping: true, $"order cancelled: {reason}", actor, now);
            change.NewRefunds.Add((refundId, new RefundDocument
            {
                OrderId = order.Order.Id,
                CreateTimeMs = now.ToUnixTimeMilliseconds(),
                RequestFingerprint = "cancellation",
                Refund = refund,
            }));
            if (refund.State == RefundState.Pending)
            {
                change.Effects.Add(OrderEffects.ExecuteRefund(order.Order.Id, refundId));
            }
        }

        return change;
    }

    public async Task<Order> UpdateParcelStateAsync(UpdateParcelStateRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (request.OrderId.Length == 0)
        {
            violations.Add("order_id", "is required.");
        }

        if (request.ParcelId.Length == 0)
        {
            violations.Add("parcel_id", "is required.");
        }

        if (request.State is not (ParcelState.Shipped or ParcelState.Delivered or ParcelState.Returned))
        {
            violations.Add("state", "must be PARCEL_STATE_SHIPPED, PARCEL_STATE_DELIVERED or PARCEL_STATE_RETURNED.");
        }

        if (request.Note.Length > MaxNoteLength)
        {
            violations.Add("note", $"is longer than {MaxNoteLength} characters.");
        }

        violations.ThrowIfAny(Domain);
        var actor = OrderHistory.ActorOf(caller);
        var stored = await orders.ChangeAsync(request.OrderId, current =>
        {
            var order = current.Value;
            var parcel = order.Order.Parcels.FirstOrDefault(p => p.Id == request.ParcelId);
            if (order.Stage != CheckoutStage.Placed || parcel is null || (!caller.IsAdmin && !(caller.IsProducer && parcel.ProducerId == caller.ProducerId)))
            {
                throw OrderErrors.OrderNotFound(request.OrderId);
            }

            if (parcel.State == request.State)
            {
                return OrderChange.None;
            }

            MoveParcel(order, parcel, request.State, actor, request.Note.Length > 0 ? request.Note : $"parcel {OrderHistory.Name(request.State).ToLowerInvariant()}", strict: true);
            return new OrderChange();
        }, cancellationToken) ?? throw OrderErrors.OrderNotFound(request.OrderId);
        return OrderViews.For(stored, caller);
    }

    /// <summary>A shipment event from the Shipping service (internal). Repeated event ids and stale events change nothing.</summary>
    public async Task<Order> RecordShipmentProgressAsync(RecordShipmentProgressRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        Require(violations, request.OrderId, "order_id");
        Require(violations, request.ParcelId, "parcel_id");
        Require(violations, request.EventId, "event_id");
        if (request.State is ParcelState.Unspecified or ParcelState.Pending || !System.Enum.IsDefined(request.State))
        {
            violations.Add("state", "must be the parcel state the shipment reached (PREPARING, SHIPPED, DELIVERED, RETURNED or CANCELLED).");
        }

        violations.ThrowIfAny(Domain);
        var actor = request.Actor ?? new Actor { Kind = ActorKind.System, Id = "shipping" };
        if (actor.Kind == ActorKind.Unspecified)
        {
            actor = new Actor { Kind = ActorKind.System, Id = actor.Id.Length > 0 ? actor.Id : "shipping" };
        }

        var stored = await orders.ChangeAsync(request.OrderId, current =>
        {
            var order = current.Value;
            var parcel = order.Order.Parcels.FirstOrDefault(p => p.Id == request.ParcelId);
            if (order.Stage != CheckoutStage.Placed || parcel is null)
            {
                throw OrderErrors.OrderNotFound(request.OrderId);
            }

            if (order.AppliedEventIds.Contains(request.EventId))
            {
                return OrderChange.None;
            }

            order.AppliedEventIds.Add(request.EventId);
            if (order.AppliedEventIds.Count > RememberedEvents)
            {
                order.AppliedEventIds.RemoveAt(0);
            }

            if (request.ShipmentId.Length > 0)
            {
                parcel.ShipmentId = request.ShipmentId;
            }

            if (request.TrackingNumber.Length > 0)
            {
                parcel.TrackingNumber = request.TrackingNumber;
            }

            if (request.TrackingUri.Length > 0)
            {
                parcel.TrackingUri = request.TrackingUri;
            }

            if (parcel.State != request.State)
            {
                MoveParcel(order, parcel, request.State, actor, $"shipment {OrderHistory.Name(request.State).ToLowerInvariant()} ({request.EventId})", strict: false);
            }

            return new OrderChange();
        }, cancellationToken) ?? throw OrderErrors.OrderNotFound(request.OrderId);
        return OrderViews.For(stored, new Caller("shipping", new HashSet<string> { CallerRoles.Admin }, null, null, new HashSet<string>()));
    }

    /// <summary>
    /// Moves a parcel if the tables allow it. People get ILLEGAL_STATE_TRANSITION for an illegal move; a shipment event
    /// that arrives late or out of order is recorded as seen and otherwise ignored (retrying it could never succeed).
    /// A delivered cash-on-delivery parcel marks its part paid; the last one makes the payment succeed.
    /// </summary>
    private void MoveParcel(OrderDocument order, Parcel parcel, ParcelState to, Actor actor, string reason, bool strict)
    {
        if (!OrderStateMachine.ParcelsMayMove(order.State) || !OrderStateMachine.CanMove(parcel.State, to))
        {
            if (strict)
            {
                throw OrderErrors.IllegalTransition(order.Order.Id,
                    $"Parcel '{parcel.Id}' of order '{order.Order.Id}' cannot go from {OrderHistory.Name(parcel.State)} to {OrderHistory.Name(to)} while the order is {OrderHistory.Name(order.State)}.");
            }

            LogStaleEvent(logger, order.Order.Id, parcel.Id, parcel.State.ToString(), to.ToString());
            return;
        }

        var now = timeProvider.GetUtcNow();
        OrderHistory.MoveParcel(order, parcel, to, actor, reason, now);
        if (to == ParcelState.Delivered && order.Payment.Method == PaymentMethod.CashOnDelivery)
        {
            CollectCash(order, parcel.Id, now);
        }
    }

    private static void CollectCash(OrderDocument order, string parcelId, DateTimeOffset now)
    {
        var index = order.Logistics.FindIndex(entry => entry.ParcelId == parcelId);
        if (index < 0 || order.Logistics[index].CashCollected)
        {
            return;
        }

        order.Logistics[index] = order.Logistics[index] with { CashCollected = true };
        var totals = order.Order.Totals;
        totals.PaidTotal = new() { CurrencyCode = totals.GrandTotal.CurrencyCode, AmountMinor = order.Logistics.Where(entry => entry.CashCollected).Sum(entry => entry.CashOnDeliveryMinor) };
        var payment = order.Payment;
        payment.UpdateTime = Timestamp.FromDateTimeOffset(now);
        if (order.Logistics.All(entry => entry.CashCollected))
        {
            payment.State = PaymentState.Succeeded;
            payment.PaidTime = payment.UpdateTime;
        }
    }

    private static void Require(string value, string field)
    {
        if (value.Length == 0)
        {
            throw RpcErrors.InvalidField(Domain, field, "is required.");
        }
    }

    private static void Require(FieldViolations violations, string value, string field)
    {
        if (value.Length == 0)
        {
            violations.Add(field, "is required.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment event for parcel {ParcelId} of order {OrderId} ignored: {From} to {To} is not a legal move now")]
    private static partial void LogStaleEvent(ILogger logger, string orderId, string parcelId, string from, string to);
}
