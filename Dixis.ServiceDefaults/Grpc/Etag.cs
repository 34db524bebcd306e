namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// Resource etags (AIP-154) from document versions: <c>"7"</c> for version 7, quoted as HTTP entity tags are.
/// Clients must treat them as opaque; only equality with the current etag matters.
/// </summary>
public static class Etag
{
    public static string Of(long version) => $"\"{version}\"";

    /// <summary>The version an etag names; false for anything this service did not issue.</summary>
    public static bool TryParse(string? etag, out long version)
    {
        version = 0;
        return etag is { Length: > 2 } && etag[0] == '"' && etag[^1] == '"'
            && long.TryParse(etag.AsSpan(1, etag.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version)
            && version > 0;
    }
}
