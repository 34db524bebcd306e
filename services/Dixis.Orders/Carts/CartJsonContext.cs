using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Orders.Carts;

/// <summary>Source-generated JSON for stored carts: camelCase, as the document store's indexes address the fields.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CartRecord))]
internal sealed partial class CartJsonContext : JsonSerializerContext;
