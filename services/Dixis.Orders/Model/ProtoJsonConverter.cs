using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Dixis.Orders.Model;

/// <summary>
/// Stores a contract message inside a document as its protobuf JSON (a nested object, readable in the database),
/// so the order's lines, parcels, totals and history are kept exactly as the API returns them, with no second model
/// to map. Only fields next to the message (the document's own properties) are indexed.
/// </summary>
public sealed class ProtoJsonConverter<T> : JsonConverter<T>
    where T : IMessage<T>, new()
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var element = JsonDocument.ParseValue(ref reader);
        return Parser.Parse<T>(element.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Formatter.Format(value), skipInputValidation: true);
    }
}
