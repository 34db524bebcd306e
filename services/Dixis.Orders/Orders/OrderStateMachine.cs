using System.Collections.Frozen;
using Dixis.Contracts.Orders.V1;

namespace Dixis.Orders.Orders;

/// <summary>
/// Every legal move of an order and of a parcel, in one table each. Whatever moves an order (a customer, a producer,
/// an admin, Stripe, a carrier, the sweeper) asks here first; anything not listed fails with ILLEGAL_STATE_TRANSITION.
/// </summary>
public static class OrderStateMachine
{
    private static readonly FrozenDictionary<OrderState, FrozenSet<OrderState>> OrderMoves = new Dictionary<OrderState, FrozenSet<OrderState>>
    {
        [OrderState.PendingPayment] = OrderSet(OrderState.Paid, OrderState.PaymentFailed, OrderState.Cancelled),
        [OrderState.Paid] = OrderSet(OrderState.PartiallyShipped, OrderState.Shipped, OrderState.Delivered, OrderState.Cancelled, OrderState.PartiallyRefunded, OrderState.Refunded),
        [OrderState.Confirmed] = OrderSet(OrderState.PartiallyShipped, OrderState.Shipped, OrderState.Delivered, OrderState.Cancelled),
        [OrderState.PartiallyShipped] = OrderSet(OrderState.Shipped, OrderState.Delivered, OrderState.PartiallyRefunded, OrderState.Refunded),
        [OrderState.Shipped] = OrderSet(OrderState.Delivered, OrderState.PartiallyRefunded, OrderState.Refunded),
        [OrderState.Delivered] = OrderSet(OrderState.PartiallyRefunded, OrderState.Refunded),
        [OrderState.PartiallyRefunded] = OrderSet(OrderState.PartiallyRefunded, OrderState.Refunded),
        [OrderState.Cancelled] = OrderSet(),
        [OrderState.PaymentFailed] = OrderSet(),
        [OrderState.Refunded] = OrderSet(),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ParcelState, FrozenSet<ParcelState>> ParcelMoves = new Dictionary<ParcelState, FrozenSet<ParcelState>>
    {
        [ParcelState.Pending] = ParcelSet(ParcelState.Preparing, ParcelState.Shipped, ParcelState.Cancelled),
        [ParcelState.Preparing] = ParcelSet(ParcelState.Shipped, ParcelState.Delivered, ParcelState.Cancelled),
        [ParcelState.Shipped] = ParcelSet(ParcelState.Delivered, ParcelState.Returned),
        [ParcelState.Delivered] = ParcelSet(ParcelState.Returned),
        [ParcelState.Returned] = ParcelSet(),
        [ParcelState.Cancelled] = ParcelSet(),
    }.ToFrozenDictionary();

    /// <summary>The order states in which parcels move (paid or confirmed, not yet closed by cancellation or failure).</summary>
    private static readonly FrozenSet<OrderState> Fulfilling = OrderSet(
        OrderState.Paid, OrderState.Confirmed, OrderState.PartiallyShipped, OrderState.Shipped, OrderState.Delivered, OrderState.PartiallyRefunded);

    public static bool CanMove(OrderState from, OrderState to) => OrderMoves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static bool CanMove(ParcelState from, ParcelState to) => ParcelMoves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Whether parcels of an order in <paramref name="state"/> may move.</summary>
    public static bool ParcelsMayMove(OrderState state) => Fulfilling.Contains(state);

    /// <summary>Whether an order may still be cancelled: not closed, and no parcel handed to a carrier yet.</summary>
    public static bool IsCancellable(Order order) =>
        CanMove(order.State, OrderState.Cancelled) && order.Parcels.All(parcel => parcel.State is ParcelState.Pending or ParcelState.Preparing);

    /// <summary>
    /// The fulfilment state the parcels imply: every parcel delivered (or returned) → delivered; every parcel handed over
    /// → shipped; some → partially shipped; none → the order keeps its state. Refund states are kept: they say more.
    /// </summary>
    public static OrderState Derived(Order order)
    {
        if (order.State is not (OrderState.Paid or OrderState.Confirmed or OrderState.PartiallyShipped or OrderState.Shipped))
        {
            return order.State;
        }

        var parcels = order.Parcels;
        if (parcels.All(p => p.State is ParcelState.Delivered or ParcelState.Returned))
        {
            return OrderState.Delivered;
        }

        if (parcels.All(p => p.State is ParcelState.Shipped or ParcelState.Delivered or ParcelState.Returned))
        {
            return OrderState.Shipped;
        }

        return parcels.Any(p => p.State is ParcelState.Shipped or ParcelState.Delivered or ParcelState.Returned)
            ? OrderState.PartiallyShipped
            : order.State;
    }

    private static FrozenSet<OrderState> OrderSet(params OrderState[] states) => states.ToFrozenSet();

    private static FrozenSet<ParcelState> ParcelSet(params ParcelState[] states) => states.ToFrozenSet();
}
