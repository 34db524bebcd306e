using System.Text.Json;
using System.Text.Json.Serialization;
using Dixis.Shipping.Tracking;

namespace Dixis.Shipping.Shipments;

/// <summary>
/// Source-generated JSON for stored shipments and tracking events: camelCase, as indexes address them, and enums as
/// their names, so filters compare strings and a renumbered enum cannot corrupt data.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShipmentRecord))]
[JsonSerializable(typeof(ShipmentLabelRecord))]
[JsonSerializable(typeof(ShipmentRequestRecord))]
[JsonSerializable(typeof(TrackingEventRecord))]
internal sealed partial class ShipmentJsonContext : JsonSerializerContext;
