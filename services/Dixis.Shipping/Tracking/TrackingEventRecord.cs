using Dixis.Contracts.Shipping.V1;

namespace Dixis.Shipping.Tracking;

/// <summary>One entry of a shipment's timeline (collection <c>tracking_events</c>). Times are Unix milliseconds.</summary>
/// <param name="ShipmentId">The shipment.</param>
/// <param name="DedupeKey">
/// Unique: <c>api:&lt;shipment&gt;:&lt;request_id&gt;</c> for API events, <c>carrier:&lt;carrier&gt;:&lt;event id&gt;</c> for
/// webhook events, so a replay finds the first event instead of adding a second.
/// </param>
/// <param name="RequestFingerprint">A hash of what was reported, to tell a retry from a reused key.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Description">Shown to the customer.</param>
/// <param name="Location">Where it happened.</param>
/// <param name="EventTimeMs">When it happened, as reported.</param>
/// <param name="RecordTimeMs">When Dixis recorded it.</param>
/// <param name="Source">Where the report came from.</param>
/// <param name="CarrierEventId">The carrier's own event id; empty for API events.</param>
/// <param name="ActorId">Who reported it: a user, partner client or <c>carrier:&lt;id&gt;</c>.</param>
/// <param name="MovedState">Whether the event moved the shipment's state (false for older events and repeats).</param>
public sealed record TrackingEventRecord(
    string ShipmentId,
    string DedupeKey,
    string RequestFingerprint,
    TrackingEventKind Kind,
    string Description,
    string Location,
    long EventTimeMs,
    long RecordTimeMs,
    TrackingEventSource Source,
    string CarrierEventId,
    string ActorId,
    bool MovedState);
