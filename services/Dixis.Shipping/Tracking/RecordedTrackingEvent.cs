using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;

namespace Dixis.Shipping.Tracking;

/// <summary>The outcome of recording a tracking event.</summary>
/// <param name="Event">The stored event: the new one, or the first one of a replay.</param>
/// <param name="State">The shipment's state after it.</param>
/// <param name="Replayed">True when the same report was recorded before and nothing changed now.</param>
/// <param name="SameReport">For a replay, whether it reported the same as the first time.</param>
public sealed record RecordedTrackingEvent(Document<TrackingEventRecord> Event, ShipmentState State, bool Replayed, bool SameReport);
