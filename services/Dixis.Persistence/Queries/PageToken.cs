using System.Buffers.Text;
using System.Text.Json;

namespace Dixis.Persistence.Queries;

/// <summary>
/// The opaque cursor between pages: the sort values and id of the last document returned, plus the sort
/// order it belongs to. Base64url JSON; clients must treat it as opaque.
/// </summary>
internal sealed record PageToken(string Sort, IReadOnlyList<object?> Values, string LastId)
{
    private const string ParameterName = nameof(Query.PageToken);

    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("s", Sort);
            writer.WriteStartArray("v");
            foreach (var value in Values)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndArray();
            writer.WriteString("i", LastId);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>Decodes a token, or throws an <see cref="ArgumentException"/> naming what is wrong with it.</summary>
    public static PageToken Decode(string token, string expectedSort, int expectedValues)
    {
        if (token.Length > 4096)
        {
            throw new ArgumentException("Page token is malformed: longer than 4096 characters.", ParameterName);
        }

        PageToken parsed;
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = json.RootElement;
            var values = root.GetProperty("v").EnumerateArray().Select(ReadValue).ToArray();
            parsed = new PageToken(
                root.GetProperty("s").GetString() ?? throw new FormatException(),
                values,
                root.GetProperty("i").GetString() ?? throw new FormatException());
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException("Page token is malformed: pass back the next_page_token of a previous page unchanged.", ParameterName, ex);
        }

        if (parsed.Sort != expectedSort || parsed.Values.Count != expectedValues)
        {
            throw new ArgumentException("Page token belongs to a query with a different sort order.", ParameterName);
        }

        return parsed;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            default: throw new InvalidOperationException($"Sort value of type {value.GetType().Name} cannot be paged over.");
        }
    }

    private static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => throw new FormatException("Unexpected value in page token."),
    };
}
