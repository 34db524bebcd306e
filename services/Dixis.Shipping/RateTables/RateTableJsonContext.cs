using System.Text.Json;
using System.Text.Json.Serialization;
using Dixis.Shipping.Model;

namespace Dixis.Shipping.RateTables;

/// <summary>Source-generated JSON for stored rate tables: camelCase, as the indexes address them; nulls left out, so an unset <c>activeRegionCode</c> is missing.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RateTableRecord))]
internal sealed partial class RateTableJsonContext : JsonSerializerContext;
