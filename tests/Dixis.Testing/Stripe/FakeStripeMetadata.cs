using System.Text.Json.Nodes;

namespace Dixis.Testing.Stripe;

/// <summary>Stripe's <c>metadata</c>: sent form-encoded as <c>metadata[key]=value</c>, returned as a JSON object.</summary>
internal static class FakeStripeMetadata
{
    private const string Prefix = "metadata[";

    public static Dictionary<string, string> FromForm(IReadOnlyDictionary<string, string> form) =>
        form.Where(field => field.Key.StartsWith(Prefix, StringComparison.Ordinal) && field.Key.EndsWith(']'))
            .ToDictionary(field => field.Key[Prefix.Length..^1], field => field.Value, StringComparer.Ordinal);

    public static JsonObject ToJson(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            json[key] = value;
        }

        return json;
    }
}
