using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Model;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Orders.Orders;

/// <summary>Moves an order or a parcel and records the move, with its actor, reason and time, in the order's history.</summary>
public static class OrderHistory
{
    /// <summary>Moves the order to <paramref name="to"/> if the state machine allows it; otherwise ILLEGAL_STATE_TRANSITION.</summary>
    public static void Move(OrderDocument order, OrderState to, Actor actor, string reason, DateTimeOffset now)
    {
        var from = order.State;
        if (!OrderStateMachine.CanMove(from, to))
        {
            throw OrderErrors.IllegalTransition(order.Order.Id, $"Order '{order.Order.Id}' cannot go from {Name(from)} to {Name(to)}.");
        }

        order.State = to;
        order.Order.State = to;
        order.Order.History.Add(new OrderStateChange { FromState = from, ToState = to, Actor = actor, Reason = reason, ChangeTime = Timestamp.FromDateTimeOffset(now) });
    }

    /// <summary>Records an event that leaves the order's state as it is, e.g. a payment received after the order was closed, and its refund.</summary>
    public static void Note(OrderDocument order, Actor actor, string reason, DateTimeOffset now) =>
        order.Order.History.Add(new OrderStateChange { FromState = order.State, ToState = order.State, Actor = actor, Reason = reason, ChangeTime = Timestamp.FromDateTimeOffset(now) });

    /// <summary>Moves a parcel (the caller checked the move) and records it, then moves the order to the state its parcels imply.</summary>
    public static void MoveParcel(OrderDocument order, Parcel parcel, ParcelState to, Actor actor, string reason, DateTimeOffset now)
    {
        var from = parcel.State;
        parcel.State = to;
        order.Order.History.Add(new OrderStateChange
        {
            FromState = order.State,
            ToState = order.State,
            ParcelId = parcel.Id,
            ParcelFromState = from,
            ParcelToState = to,
            Actor = actor,
            Reason = reason,
            ChangeTime = Timestamp.FromDateTimeOffset(now),
        });
        var derived = OrderStateMachine.Derived(order.Order);
        if (derived != order.State)
        {
            Move(order, derived, actor, reason, now);
        }
    }

    /// <summary>The actor of a caller: admin, producer (acting for a producer), partner client, or the customer.</summary>
    public static Actor ActorOf(Caller caller) => new()
    {
        Kind = caller.IsAdmin ? ActorKind.Admin
            : caller.IsProducer ? ActorKind.Producer
            : caller.ClientId is not null && caller.Subject == caller.ClientId ? ActorKind.Partner
            : ActorKind.Customer,
        Id = caller.ActorId,
    };

    public static Actor System(string part) => new() { Kind = ActorKind.System, Id = part };

    public static string Name(OrderState state) => EnumName("OrderState", (int)state)["ORDER_STATE_".Length..];

    public static string Name(ParcelState state) => EnumName("ParcelState", (int)state)["PARCEL_STATE_".Length..];

    private static string EnumName(string enumName, int number) =>
        OrderReflection.Descriptor.EnumTypes.First(type => type.Name == enumName).FindValueByNumber(number)?.Name ?? $"{enumName.ToUpperInvariant()}_{number}";
}
