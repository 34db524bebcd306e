using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dixis.Gateway.Errors;

/// <summary>
/// Says what is wrong with a JSON request body: not JSON at all (with line and byte), or JSON that is not the
/// form of the expected message (naming the offending field). Transcoding would answer both with one generic
/// sentence, which leaves a client guessing.
/// </summary>
public sealed class JsonBodyInspector(JsonParser parser)
{
    /// <summary>The problem with <paramref name="body"/>, or null when it is a valid JSON form of <paramref name="target"/>.</summary>
    public string? Problem(byte[] body, MessageDescriptor target)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(target);

        if (body.Length == 0)
        {
            return "Request body is empty; this method expects a JSON object.";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException malformed)
        {
            return $"Request body is not valid JSON: {malformed.Message}";
        }

        using (document)
        {
            var failure = ParseFailure(Encoding.UTF8.GetString(body), target);
            if (failure is null)
            {
                return null;
            }

            return Locate(document.RootElement, target, path: string.Empty) is { } field
                ? $"Request body field '{field.Path}' is not valid for {target.Name}: {field.Message}"
                : $"Request body is not a valid {target.Name}: {failure}";
        }
    }

    /// <summary>
    /// Finds the first property whose value the message rejects, descending into nested messages, by parsing
    /// each property on its own. Only runs for a body already known to be wrong, so its cost does not matter.
    /// </summary>
    private (string Path, string Message)? Locate(JsonElement element, MessageDescriptor message, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = message.FindFieldByName(property.Name)
                ?? message.Fields.InDeclarationOrder().FirstOrDefault(candidate => candidate.JsonName == property.Name);
            if (field is null)
            {
                continue;
            }

            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var isNestedMessage = field is { FieldType: FieldType.Message, IsRepeated: false }
                && property.Value.ValueKind == JsonValueKind.Object
                && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal);
            if (isNestedMessage && Locate(property.Value, field.MessageType, propertyPath) is { } nested)
            {
                return nested;
            }

            var single = $"{{{JsonSerializer.Serialize(property.Name)}:{property.Value.GetRawText()}}}";
            if (ParseFailure(single, message) is { } failure)
            {
                return (propertyPath, failure);
            }
        }

        return null;
    }

    private string? ParseFailure(string json, MessageDescriptor target)
    {
        try
        {
            _ = parser.Parse(json, target);
            return null;
        }
        catch (InvalidProtocolBufferException wrongShape)
        {
            return wrongShape.Message;
        }
        catch (InvalidJsonException wrongShape)
        {
            return wrongShape.Message;
        }
    }
}
