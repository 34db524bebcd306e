using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Catalog.Model;

/// <summary>
/// Source-generated JSON for stored catalog documents: camelCase, as indexes address them, and enums as their
/// names (the contract's C# enum names), so filters compare strings and a renumbered enum cannot corrupt data.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CategoryRecord))]
[JsonSerializable(typeof(ProductRecord))]
[JsonSerializable(typeof(ProducerRecord))]
[JsonSerializable(typeof(StockRecord))]
[JsonSerializable(typeof(ReservationRecord))]
[JsonSerializable(typeof(StockAdjustmentRecord))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
