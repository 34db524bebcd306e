using System.Collections.Frozen;
using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Tracking;

/// <summary>
/// Where a tracking event may take a shipment:
/// LABEL_CREATED → ACCEPTED → IN_TRANSIT ⇄ OUT_FOR_DELIVERY → DELIVERED; OUT_FOR_DELIVERY → FAILED_ATTEMPT →
/// OUT_FOR_DELIVERY / IN_TRANSIT / RETURNED. DELIVERED, RETURNED and CANCELLED are final. A repeated ACCEPTED,
/// IN_TRANSIT or OUT_FOR_DELIVERY (another hub scan) is recorded without moving the state.
/// </summary>
public static class ShipmentStateMachine
{
    private static readonly FrozenDictionary<ShipmentState, TrackingEventKind[]> Next = new Dictionary<ShipmentState, TrackingEventKind[]>
    {
        [ShipmentState.LabelCreated] = [TrackingEventKind.Accepted],
        [ShipmentState.Accepted] = [TrackingEventKind.Accepted, TrackingEventKind.InTransit],
        [ShipmentState.InTransit] = [TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery],
        [ShipmentState.OutForDelivery] = [TrackingEventKind.OutForDelivery, TrackingEventKind.InTransit, TrackingEventKind.Delivered, TrackingEventKind.FailedAttempt],
        [ShipmentState.FailedAttempt] = [TrackingEventKind.OutForDelivery, TrackingEventKind.InTransit, TrackingEventKind.Returned],
        [ShipmentState.Delivered] = [],
        [ShipmentState.Returned] = [],
        [ShipmentState.Cancelled] = [],
    }.ToFrozenDictionary();

    /// <summary>The state an event of <paramref name="kind"/> reports.</summary>
    public static ShipmentState StateOf(TrackingEventKind kind) => kind switch
    {
        TrackingEventKind.Accepted => ShipmentState.Accepted,
        TrackingEventKind.InTransit => ShipmentState.InTransit,
        TrackingEventKind.OutForDelivery => ShipmentState.OutForDelivery,
        TrackingEventKind.Delivered => ShipmentState.Delivered,
        TrackingEventKind.FailedAttempt => ShipmentState.FailedAttempt,
        TrackingEventKind.Returned => ShipmentState.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a tracking event kind."),
    };

    /// <summary>Whether an event of <paramref name="kind"/> may follow the shipment's <paramref name="state"/>.</summary>
    public static bool Allows(ShipmentState state, TrackingEventKind kind) =>
        Next.TryGetValue(state, out var allowed) && allowed.Contains(kind);

    /// <summary>No event moves a shipment out of these.</summary>
    public static bool IsFinal(ShipmentState state) => Next.TryGetValue(state, out var allowed) && allowed.Length == 0;

    /// <summary>The events possible from <paramref name="state"/>, for error messages.</summary>
    public static string Describe(ShipmentState state) =>
        Next.TryGetValue(state, out var allowed) && allowed.Length > 0
            ? string.Join(", ", allowed.Select(TrackingEventMapper.Name))
            : "none (the shipment's state is final)";

    /// <summary>Whether the state means the carrier has the parcel (the order's parcel is SHIPPED).</summary>
    public static bool IsShipped(ShipmentState state) =>
        state is ShipmentState.Accepted or ShipmentState.InTransit or ShipmentState.OutForDelivery or ShipmentState.FailedAttempt;

    /// <summary>
    /// The parcel state to report to Orders when a shipment moves from <paramref name="from"/> to <paramref name="to"/>,
    /// or null when the order's parcel does not change (a move within "shipped", or a failed attempt).
    /// </summary>
    public static ParcelState? ParcelStateFor(ShipmentState from, ShipmentState to) => to switch
    {
        ShipmentState.LabelCreated => ParcelState.Preparing,
        ShipmentState.Accepted or ShipmentState.InTransit or ShipmentState.OutForDelivery when !IsShipped(from) => ParcelState.Shipped,
        ShipmentState.Delivered => ParcelState.Delivered,
        ShipmentState.Returned => ParcelState.Returned,
        _ => null,
    };
}
