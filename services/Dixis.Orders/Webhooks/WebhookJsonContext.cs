using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Orders.Webhooks;

/// <summary>Source-generated JSON for the webhook's stored documents and replies (camelCase, as indexes address them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeEventRecord))]
[JsonSerializable(typeof(StripeWebhookReply))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
