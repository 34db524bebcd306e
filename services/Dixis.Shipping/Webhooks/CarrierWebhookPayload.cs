namespace Dixis.Shipping.Webhooks;

/// <summary>
/// The JSON body of a carrier webhook (snake_case), e.g.
/// <c>{"tracking_number":"DX…","event_id":"evt-1","kind":"IN_TRANSIT","event_time":"2025-03-01T09:30:00Z","location":"Athens hub"}</c>.
/// Kind and time are strings here so that a bad value is answered with the field it is in, not a parser's message.
/// </summary>
/// <param name="TrackingNumber">The carrier's tracking number of the shipment. Required.</param>
/// <param name="EventId">The carrier's own id of the event, unique per carrier: replays are recognised by it. Required.</param>
/// <param name="Kind">ACCEPTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT or RETURNED. Required.</param>
/// <param name="EventTime">When it happened, ISO 8601 with an offset. Required; not in the future.</param>
/// <param name="Location">Where, e.g. <c>Heraklion hub</c>.</param>
/// <param name="Description">Shown to the customer; at most 500 characters.</param>
public sealed record CarrierWebhookPayload(
    string? TrackingNumber,
    string? EventId,
    string? Kind,
    string? EventTime,
    string? Location,
    string? Description);

/// <summary>The answer to an accepted webhook.</summary>
/// <param name="TrackingEventId">The Dixis id of the recorded event (the first one, for a replay).</param>
/// <param name="State">The shipment's state after it.</param>
/// <param name="Duplicate">True when this carrier event was received before and nothing changed.</param>
public sealed record CarrierWebhookAccepted(string TrackingEventId, string State, bool Duplicate);
