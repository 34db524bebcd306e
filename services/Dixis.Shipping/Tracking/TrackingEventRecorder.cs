using System.Security.Cryptography;
using System.Text;
using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;
using Dixis.Shipping.Shipments;

namespace Dixis.Shipping.Tracking;

/// <summary>
/// Records a tracking event and moves its shipment, for the API and carrier webhooks alike. In one transaction: the
/// event, the shipment at the version it was read (a concurrent event makes it read again), and, when the order's
/// parcel changes, the outbox message to Orders. An impossible event stores nothing. An event older than the newest
/// one that moved the shipment is kept in the timeline but never moves the state back. A replay (same dedupe key)
/// returns the first event and changes nothing.
/// </summary>
public sealed partial class TrackingEventRecorder(IDocumentStore store, ShipmentRepository shipments, TimeProvider timeProvider, ILogger<TrackingEventRecorder> logger)
{
    private const int MaxAttempts = 8;

    public IDocumentCollection<TrackingEventRecord> Events { get; } = store.Collection<TrackingEventRecord>(ShipmentCollections.TrackingEvents);

    public async Task<RecordedTrackingEvent> RecordAsync(Document<ShipmentRecord> shipment, NewTrackingEvent report, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(report);
        if (await FindAsync(report.DedupeKey, cancellationToken) is { } first)
        {
            return Replay(first, shipment.Value.State, fingerprint);
        }

        var eventTimeMs = report.EventTime.ToUnixTimeMilliseconds();
        for (var attempt = 1; ; attempt++)
        {
            var before = shipment.Value;
            var older = before.LatestEventTimeMs is { } latest && eventTimeMs < latest;
            if (before.State == ShipmentState.Cancelled || (!older && !ShipmentStateMachine.Allows(before.State, report.Kind)))
            {
                throw ShipmentErrors.StateConflict(shipment.Id, before.State, report.Kind);
            }

            var now = timeProvider.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            var target = older ? before.State : ShipmentStateMachine.StateOf(report.Kind);
            var moved = target != before.State;
            var eventId = Guid.CreateVersion7(now).ToString("D");
            var record = new TrackingEventRecord(shipment.Id, report.DedupeKey, fingerprint, report.Kind, report.Description, report.Location, eventTimeMs, nowMs,
                report.Source, report.CarrierEventId, report.ActorId, moved);
            var after = older ? before : before with
            {
                State = target,
                LatestEventTimeMs = eventTimeMs,
                UpdateTimeMs = nowMs,
                ShipTimeMs = before.ShipTimeMs ?? (ShipmentStateMachine.IsShipped(target) ? eventTimeMs : null),
                DeliverTimeMs = target == ShipmentState.Delivered ? eventTimeMs : before.DeliverTimeMs,
            };

            try
            {
                await using var transaction = await store.BeginTransactionAsync(cancellationToken);
                var stored = await Events.In(transaction).InsertAsync(eventId, record, cancellationToken);
                if (!older)
                {
                    await shipments.Shipments.In(transaction).ReplaceAsync(shipment.Id, after, shipment.Version, cancellationToken);
                }

                if (moved && ShipmentStateMachine.ParcelStateFor(before.State, target) is { } parcelState)
                {
                    await store.Outbox.In(transaction).EnqueueAsync(
                        ShipmentProgress.Message(shipment.Id, after, parcelState, eventId, eventTimeMs, report.OrdersActor), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogRecorded(logger, eventId, shipment.Id, report.Kind, before.State, target, report.Source);
                return new RecordedTrackingEvent(stored, target, Replayed: false, SameReport: true);
            }
            catch (UniqueIndexViolationException)
            {
                // The same report raced in through another request and won.
                var winner = await FindAsync(report.DedupeKey, cancellationToken)
                    ?? throw new InvalidOperationException($"Tracking event '{report.DedupeKey}' clashed on a unique index but cannot be read.");
                return Replay(winner, (await shipments.Shipments.GetAsync(shipment.Id, cancellationToken))?.Value.State ?? before.State, fingerprint);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another event moved the shipment since it was read: judge this one against the new state.
                shipment = await shipments.Shipments.GetAsync(shipment.Id, cancellationToken)
                    ?? throw ShipmentErrors.ShipmentNotFound(shipment.Id);
            }
        }
    }

    private Task<Document<TrackingEventRecord>?> FindAsync(string dedupeKey, CancellationToken cancellationToken) =>
        Events.FirstOrDefaultAsync(Filter.Eq("dedupeKey", dedupeKey), cancellationToken);

    private static RecordedTrackingEvent Replay(Document<TrackingEventRecord> first, ShipmentState state, string fingerprint) =>
        new(first, state, Replayed: true, SameReport: first.Value.RequestFingerprint == fingerprint);

    private static string Fingerprint(NewTrackingEvent report) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{report.Kind}\n{report.EventTime.ToUnixTimeMilliseconds()}\n{report.Description}\n{report.Location}")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded tracking event {EventId} ({Kind}) of shipment {ShipmentId}: {FromState} → {ToState}, from {Source}")]
    private static partial void LogRecorded(ILogger logger, string eventId, string shipmentId, TrackingEventKind kind, ShipmentState fromState, ShipmentState toState, TrackingEventSource source);
}
