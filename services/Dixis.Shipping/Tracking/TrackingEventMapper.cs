using System.Collections.Frozen;
using Dixis.Contracts.Shipping.V1;
using Dixis.Persistence.Documents;
using Dixis.Shipping.Shipments;

namespace Dixis.Shipping.Tracking;

/// <summary>Stored tracking events to the contract: in full for those who may see the shipment, reduced for the public.</summary>
public static class TrackingEventMapper
{
    private static readonly FrozenDictionary<TrackingEventKind, string> KindNames = ShipmentEnumNames.Of<TrackingEventKind>("TrackingEventKind", "TRACKING_EVENT_KIND_");

    private static readonly FrozenDictionary<string, TrackingEventKind> KindsByName =
        KindNames.Where(pair => pair.Key != TrackingEventKind.Unspecified)
            .SelectMany(pair => new[] { (pair.Value, pair.Key), ("TRACKING_EVENT_KIND_" + pair.Value, pair.Key) })
            .ToFrozenDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind as the contract spells it without its prefix, e.g. <c>IN_TRANSIT</c>.</summary>
    public static string Name(TrackingEventKind kind) => KindNames.TryGetValue(kind, out var name) ? name : kind.ToString();

    /// <summary>A kind by its name, with or without the <c>TRACKING_EVENT_KIND_</c> prefix, in any case; never UNSPECIFIED.</summary>
    public static bool TryParse(string? name, out TrackingEventKind kind) => KindsByName.TryGetValue(name ?? string.Empty, out kind);

    public static TrackingEvent ToContract(Document<TrackingEventRecord> document)
    {
        var record = document.Value;
        return new TrackingEvent
        {
            Id = document.Id,
            ShipmentId = record.ShipmentId,
            Kind = record.Kind,
            Description = record.Description,
            Location = record.Location,
            EventTime = ShipmentMapper.Time(record.EventTimeMs),
            RecordTime = ShipmentMapper.Time(record.RecordTimeMs),
            Source = record.Source,
            CarrierEventId = record.CarrierEventId,
            ActorId = record.ActorId,
        };
    }

    /// <summary>What anyone with the tracking number may see: what happened, when and where; not who reported it or ids.</summary>
    public static TrackingEvent ToPublicContract(Document<TrackingEventRecord> document)
    {
        var record = document.Value;
        return new TrackingEvent
        {
            Kind = record.Kind,
            Description = record.Description,
            Location = record.Location,
            EventTime = ShipmentMapper.Time(record.EventTimeMs),
            RecordTime = ShipmentMapper.Time(record.RecordTimeMs),
        };
    }
}
