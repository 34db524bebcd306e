using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dixis.Shipping.Webhooks;

/// <summary>Source-generated JSON of carrier webhooks, in the snake_case carriers send.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CarrierWebhookPayload))]
[JsonSerializable(typeof(CarrierWebhookAccepted))]
internal sealed partial class CarrierWebhookJsonContext : JsonSerializerContext;
