using Dixis.Contracts.Orders.V1;
using Dixis.Orders.Orders;

namespace Dixis.Services.Tests.Orders.Lifecycle;

/// <summary>The transition tables: what may follow what, and the fulfilment state parcels imply.</summary>
public sealed class OrderStateMachineTests
{
    [Theory]
    [InlineData(OrderState.PendingPayment, OrderState.Paid)]
    [InlineData(OrderState.PendingPayment, OrderState.PaymentFailed)]
    [InlineData(OrderState.PendingPayment, OrderState.Cancelled)]
    [InlineData(OrderState.Paid, OrderState.PartiallyShipped)]
    [InlineData(OrderState.Confirmed, OrderState.Shipped)]
    [InlineData(OrderState.Shipped, OrderState.Delivered)]
    [InlineData(OrderState.Delivered, OrderState.Refunded)]
    [InlineData(OrderState.PartiallyRefunded, OrderState.Refunded)]
    public void Legal_moves_are_allowed(OrderState from, OrderState to) => Assert.True(OrderStateMachine.CanMove(from, to));

    [Theory]
    [InlineData(OrderState.PendingPayment, OrderState.Shipped)]
    [InlineData(OrderState.Paid, OrderState.PendingPayment)]
    [InlineData(OrderState.Shipped, OrderState.Cancelled)]
    [InlineData(OrderState.Cancelled, OrderState.Paid)]
    [InlineData(OrderState.PaymentFailed, OrderState.Paid)]
    [InlineData(OrderState.Refunded, OrderState.PartiallyRefunded)]
    [InlineData(OrderState.Confirmed, OrderState.Refunded)]
    [InlineData(OrderState.Delivered, OrderState.Shipped)]
    public void Illegal_moves_are_refused(OrderState from, OrderState to) => Assert.False(OrderStateMachine.CanMove(from, to));

    [Theory]
    [InlineData(ParcelState.Pending, ParcelState.Preparing, true)]
    [InlineData(ParcelState.Preparing, ParcelState.Shipped, true)]
    [InlineData(ParcelState.Shipped, ParcelState.Delivered, true)]
    [InlineData(ParcelState.Shipped, ParcelState.Returned, true)]
    [InlineData(ParcelState.Delivered, ParcelState.Shipped, false)]
    [InlineData(ParcelState.Pending, ParcelState.Delivered, false)]
    [InlineData(ParcelState.Cancelled, ParcelState.Shipped, false)]
    public void Parcel_moves_follow_their_table(ParcelState from, ParcelState to, bool allowed) => Assert.Equal(allowed, OrderStateMachine.CanMove(from, to));

    [Theory]
    [InlineData(OrderState.Paid, new[] { ParcelState.Preparing, ParcelState.Preparing }, OrderState.Paid)]
    [InlineData(OrderState.Paid, new[] { ParcelState.Shipped, ParcelState.Preparing }, OrderState.PartiallyShipped)]
    [InlineData(OrderState.PartiallyShipped, new[] { ParcelState.Shipped, ParcelState.Shipped }, OrderState.Shipped)]
    [InlineData(OrderState.Shipped, new[] { ParcelState.Delivered, ParcelState.Shipped }, OrderState.Shipped)]
    [InlineData(OrderState.Shipped, new[] { ParcelState.Delivered, ParcelState.Returned }, OrderState.Delivered)]
    [InlineData(OrderState.PartiallyRefunded, new[] { ParcelState.Delivered, ParcelState.Delivered }, OrderState.PartiallyRefunded)]
    public void Parcels_imply_the_fulfilment_state(OrderState state, ParcelState[] parcels, OrderState expected)
    {
        var order = new Order { State = state };
        order.Parcels.AddRange(parcels.Select((parcel, i) => new Parcel { Id = $"p{i + 1}", State = parcel }));

        Assert.Equal(expected, OrderStateMachine.Derived(order));
    }

    [Fact]
    public void An_order_is_cancellable_only_until_a_parcel_ships()
    {
        var order = new Order { State = OrderState.Paid, Parcels = { new Parcel { State = ParcelState.Preparing }, new Parcel { State = ParcelState.Pending } } };
        Assert.True(OrderStateMachine.IsCancellable(order));

        order.Parcels[0].State = ParcelState.Shipped;
        order.State = OrderState.PartiallyShipped;
        Assert.False(OrderStateMachine.IsCancellable(order));
    }
}
