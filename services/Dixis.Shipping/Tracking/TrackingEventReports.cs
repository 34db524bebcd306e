using Dixis.Contracts.Orders.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Dixis.Shipping.Shipments;

namespace Dixis.Shipping.Tracking;

/// <summary>
/// <c>AddTrackingEvent</c>: producers report their own parcels' events, admins any; once per <c>request_id</c> per shipment.
/// </summary>
public sealed class TrackingEventReports(ShipmentRepository shipments, TrackingEventRecorder recorder, TimeProvider timeProvider)
{
    public async Task<TrackingEvent> AddAsync(AddTrackingEventRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(request.ShipmentId))
        {
            violations.Add("shipment_id", "is required.");
        }

        if (!Guid.TryParse(request.RequestId, out _))
        {
            violations.Add("request_id", "is required and must be a UUID, so a retried report is recorded once.");
        }

        var reported = request.TrackingEvent;
        if (reported is null)
        {
            violations.Add("tracking_event", "is required: kind and event_time at least.");
        }
        else
        {
            DateTimeOffset? eventTime = null;
            if (reported.EventTime is { } time)
            {
                try
                {
                    eventTime = time.ToDateTimeOffset();
                }
                catch (ArgumentOutOfRangeException)
                {
                    violations.Add("tracking_event.event_time", "is not a valid timestamp.");
                }
            }

            if (!violations.Has("tracking_event.event_time"))
            {
                TrackingEventRules.Check(violations, "tracking_event.", reported.Kind, eventTime, reported.Description, reported.Location, timeProvider.GetUtcNow());
            }
        }

        violations.ThrowIfAny(ShipmentErrors.Domain);
        var shipment = await shipments.VisibleAsync(request.ShipmentId, caller, manage: true, cancellationToken);
        var (source, actorKind) = caller.IsAdmin ? (TrackingEventSource.Admin, ActorKind.Admin)
            : caller.ClientId is not null ? (TrackingEventSource.Partner, ActorKind.Partner)
            : (TrackingEventSource.Producer, ActorKind.Producer);
        var outcome = await recorder.RecordAsync(
            shipment,
            new NewTrackingEvent(
                reported!.Kind,
                reported.EventTime.ToDateTimeOffset(),
                reported.Description.Trim(),
                reported.Location.Trim(),
                source,
                caller.ActorId,
                CarrierEventId: string.Empty,
                DedupeKey: $"api:{shipment.Id}:{request.RequestId.ToLowerInvariant()}",
                new Actor { Kind = actorKind, Id = caller.ActorId }),
            cancellationToken);
        return outcome.SameReport
            ? TrackingEventMapper.ToContract(outcome.Event)
            : throw ShipmentErrors.RequestIdReused(request.RequestId, ShipmentErrors.TrackingEventType);
    }
}
