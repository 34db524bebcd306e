using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Tracking;

/// <summary>A validated tracking event to record, from the API or a carrier's webhook.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="EventTime">When it happened, as reported.</param>
/// <param name="Description">Shown to the customer.</param>
/// <param name="Location">Where it happened.</param>
/// <param name="Source">Where the report came from.</param>
/// <param name="ActorId">Who reported it: a user, partner client or <c>carrier:&lt;id&gt;</c>.</param>
/// <param name="CarrierEventId">The carrier's own event id; empty for API events.</param>
/// <param name="DedupeKey">What makes a replay of the same report find the first one (see <see cref="TrackingEventRecord.DedupeKey"/>).</param>
/// <param name="OrdersActor">Who reported it, as Orders records it in the order's history.</param>
public sealed record NewTrackingEvent(
    TrackingEventKind Kind,
    DateTimeOffset EventTime,
    string Description,
    string Location,
    TrackingEventSource Source,
    string ActorId,
    string CarrierEventId,
    string DedupeKey,
    Actor OrdersActor);
