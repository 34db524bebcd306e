namespace Dixis.Catalog.Caching;

/// <summary>The wire form of an invalidation: <c>&lt;sender id&gt;\n&lt;tag&gt;\n&lt;tag&gt;…</c>. Tags never contain line breaks.</summary>
public static class CacheInvalidationMessage
{
    public static string Format(string senderId, IEnumerable<string> tags) => string.Join('\n', tags.Prepend(senderId));

    public static (string SenderId, string[] Tags) Parse(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? (string.Empty, []) : (lines[0], lines[1..]);
    }
}
