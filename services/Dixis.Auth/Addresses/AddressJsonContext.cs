using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Auth.Addresses;

/// <summary>Source-generated JSON for stored address documents: camelCase, as the indexes address them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AddressRecord))]
[JsonSerializable(typeof(AddressBookRecord))]
internal sealed partial class AddressJsonContext : JsonSerializerContext;
