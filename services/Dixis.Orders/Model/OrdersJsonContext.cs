using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Orders.Model;

/// <summary>
/// Source-generated JSON for stored order documents: camelCase, as indexes address them, and enums as their names,
/// so filters compare strings and a renumbered enum cannot corrupt data.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderDocument))]
[JsonSerializable(typeof(OrderParcelEntry))]
[JsonSerializable(typeof(RefundDocument))]
internal sealed partial class OrdersJsonContext : JsonSerializerContext;
