using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Dixis.Gateway.OpenApi;

/// <summary>
/// OpenAPI schemas for proto messages and enums, following the proto3 JSON mapping the gateway speaks:
/// lowerCamelCase field names, 64-bit integers as strings, enums as value names, Timestamp as an RFC 3339
/// string, Duration and FieldMask as strings, wrappers as nullable primitives. Each message and enum becomes a
/// component named by its full proto name, collected as they are referenced.
/// </summary>
public sealed class SchemaGenerator(ProtoComments comments)
{
    private readonly SortedDictionary<string, JsonObject> components = new(StringComparer.Ordinal);

    /// <summary>The component schemas referenced so far.</summary>
    public JsonObject Components()
    {
        var result = new JsonObject();
        foreach (var (name, schema) in components)
        {
            result[name] = schema.DeepClone();
        }

        return result;
    }

    /// <summary>The schema of a whole message: a reference to its component (or an inline schema for well-known types).</summary>
    public JsonObject ForMessage(MessageDescriptor message) => WellKnown(message) ?? Reference(message);

    /// <summary>The schema of one field's JSON value, including repetition and maps.</summary>
    public JsonObject ForField(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = ForSingleValue(field.MessageType.FindFieldByNumber(2)),
            };
        }

        var value = ForSingleValue(field);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = value } : value;
    }

    /// <summary>The schema of a single (non-repeated) value of a field's type.</summary>
    public JsonObject ForSingleValue(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => Primitive("number", "double"),
        FieldType.Float => Primitive("number", "float"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Primitive("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Primitive("string", "uint64"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Primitive("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["minimum"] = 0 },
        FieldType.Bool => Primitive("boolean"),
        FieldType.String => Primitive("string"),
        FieldType.Bytes => Primitive("string", "byte"),
        FieldType.Enum => Reference(field.EnumType),
        FieldType.Message or FieldType.Group => ForMessage(field.MessageType),
        _ => new JsonObject(),
    };

    /// <summary>Whether a field's JSON value is a single string, number or boolean, so it can travel in a URL.</summary>
    public static bool IsUrlValue(FieldDescriptor field) =>
        !field.IsMap
        && (field.FieldType != FieldType.Message || IsScalarWellKnown(field.MessageType.FullName));

    private JsonObject Reference(MessageDescriptor message)
    {
        if (!components.ContainsKey(message.FullName))
        {
            // Reserve the name first: messages may refer to themselves (a category tree node holds its children).
            components[message.FullName] = new JsonObject();
            components[message.FullName] = MessageSchema(message);
        }

        return Ref(message.FullName);
    }

    private JsonObject Reference(EnumDescriptor enumType)
    {
        if (!components.ContainsKey(enumType.FullName))
        {
            var schema = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. enumType.Values.Select(value => (JsonNode)JsonValue.Create(value.Name))]),
            };
            Describe(schema, comments.Of(enumType));
            components[enumType.FullName] = schema;
        }

        return Ref(enumType.FullName);
    }

    private JsonObject MessageSchema(MessageDescriptor message)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var schema = ForField(field);
            var behaviors = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior);
            if (behaviors is not null)
            {
                if (behaviors.Contains(FieldBehavior.Required))
                {
                    required.Add(field.JsonName);
                }

                if (behaviors.Contains(FieldBehavior.OutputOnly))
                {
                    schema = WithKeyword(schema, "readOnly", true);
                }
            }

            var description = comments.Of(field);
            if (field.RealContainingOneof is { } oneof)
            {
                var others = string.Join(", ", oneof.Fields.Where(other => other != field).Select(other => other.JsonName));
                description = $"{description} (One of `{oneof.Name}`: set at most one of this and {others}.)".Trim();
            }

            properties[field.JsonName] = Describe(schema, description);
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            result["required"] = required;
        }

        return Describe(result, comments.Of(message));
    }

    /// <summary>Well-known types have a JSON form of their own; null for every other message.</summary>
    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Primitive("string", "date-time"),
        "google.protobuf.Duration" => Describe(Primitive("string"), "Seconds with up to nine fractional digits, suffixed with 's', e.g. \"1.5s\"."),
        "google.protobuf.FieldMask" => Describe(Primitive("string"), "Comma-separated lowerCamelCase field paths, e.g. \"name,price.amountMinor\"."),
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => new JsonObject { ["description"] = "Any JSON value." },
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["@type"] = Primitive("string") },
            ["required"] = new JsonArray("@type"),
            ["additionalProperties"] = true,
        },
        "google.protobuf.DoubleValue" => Nullable(Primitive("number", "double")),
        "google.protobuf.FloatValue" => Nullable(Primitive("number", "float")),
        "google.protobuf.Int64Value" => Nullable(Primitive("string", "int64")),
        "google.protobuf.UInt64Value" => Nullable(Primitive("string", "uint64")),
        "google.protobuf.Int32Value" => Nullable(Primitive("integer", "int32")),
        "google.protobuf.UInt32Value" => Nullable(new JsonObject { ["type"] = "integer", ["format"] = "int64", ["minimum"] = 0 }),
        "google.protobuf.BoolValue" => Nullable(Primitive("boolean")),
        "google.protobuf.StringValue" => Nullable(Primitive("string")),
        "google.protobuf.BytesValue" => Nullable(Primitive("string", "byte")),
        _ => null,
    };

    private static bool IsScalarWellKnown(string fullName) => fullName is
        "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask"
        or "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" or "google.protobuf.Int64Value"
        or "google.protobuf.UInt64Value" or "google.protobuf.Int32Value" or "google.protobuf.UInt32Value"
        or "google.protobuf.BoolValue" or "google.protobuf.StringValue" or "google.protobuf.BytesValue";

    private static JsonObject Primitive(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        schema["nullable"] = true;
        return schema;
    }

    private static JsonObject Ref(string componentName) =>
        new() { ["$ref"] = $"#/components/schemas/{componentName}" };

    /// <summary>
    /// OpenAPI 3.0 ignores keywords next to <c>$ref</c>, so a described or annotated reference is wrapped in <c>allOf</c>.
    /// </summary>
    private static JsonObject WithKeyword(JsonObject schema, string keyword, JsonNode? value)
    {
        if (schema.ContainsKey("$ref"))
        {
            schema = new JsonObject { ["allOf"] = new JsonArray(schema) };
        }

        schema[keyword] = value;
        return schema;
    }

    private static JsonObject Describe(JsonObject schema, string? description) =>
        string.IsNullOrWhiteSpace(description) ? schema : WithKeyword(schema, "description", description);
}
