using System.Text.Json;
using System.Text.Json.Serialization;
using Dixis.Auth.Notifications;

namespace Dixis.Auth.Model;

/// <summary>
/// Source-generated JSON for stored auth documents: camelCase, as indexes address them, and enums as their names,
/// so filters compare strings and a renumbered enum cannot corrupt data.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserRecord))]
[JsonSerializable(typeof(SessionRecord))]
[JsonSerializable(typeof(RefreshTokenRecord))]
[JsonSerializable(typeof(OneTimeTokenRecord))]
[JsonSerializable(typeof(SigningKeyRecord))]
[JsonSerializable(typeof(TokenRevocationRecord))]
[JsonSerializable(typeof(SecurityEventRecord))]
[JsonSerializable(typeof(PartnerClientRecord))]
[JsonSerializable(typeof(EmailNotification))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
