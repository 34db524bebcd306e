namespace Dixis.Catalog.Caching;

/// <summary>
/// The wire form of an invalidation: <c>&lt;message id&gt;\n&lt;sender id&gt;\n&lt;tag&gt;\n&lt;tag&gt;…</c>. Tags never
/// contain line breaks. The message id is what receivers acknowledge.
/// </summary>
public sealed record CacheInvalidationMessage(string MessageId, string SenderId, IReadOnlyList<string> Tags)
{
    public string Format() => string.Join('\n', new[] { MessageId, SenderId }.Concat(Tags));

    public static CacheInvalidationMessage? Parse(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length < 2 ? null : new CacheInvalidationMessage(lines[0], lines[1], lines[2..]);
    }
}
