using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dixis.Persistence.Serialization;

/// <summary>
/// The default serializer: System.Text.Json with web defaults (camelCase names), or a source-generated
/// <see cref="JsonTypeInfo{T}"/> when the service supplies one.
/// </summary>
public sealed class JsonDocumentSerializer<T>(JsonTypeInfo<T> typeInfo) : IDocumentSerializer<T>
{
    public JsonDocumentSerializer()
        : this(JsonSerializerOptions.Web)
    {
    }

    public JsonDocumentSerializer(JsonSerializerOptions options)
        : this((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))
    {
    }

    public string Serialize(T value)
    {
        var json = JsonSerializer.Serialize(value, typeInfo);
        return json.StartsWith('{')
            ? json
            : throw new ArgumentException($"A document must serialize to a JSON object; {typeof(T).Name} serialized to '{Truncate(json)}'.", nameof(value));
    }

    public T Deserialize(string json) =>
        JsonSerializer.Deserialize(json, typeInfo)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} document deserialized to null.");

    private static string Truncate(string json) => json.Length <= 40 ? json : json[..40] + "…";
}
