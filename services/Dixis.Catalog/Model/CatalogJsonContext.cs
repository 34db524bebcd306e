using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Catalog.Model;

/// <summary>Source-generated JSON for stored catalog documents (camelCase, as indexes address them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CategoryRecord))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
