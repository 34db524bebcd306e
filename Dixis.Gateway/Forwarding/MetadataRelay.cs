using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>
/// Decides which metadata crosses the gateway. Headers that describe the caller's call (authorization,
/// accept-language, x-request-id, any custom x-* or -bin entry) pass through; headers that describe the hop
/// itself (pseudo headers, hop-by-hop headers, framing, encodings, browser negotiation) stay at the gateway,
/// because the downstream hop has its own and a copied value would be wrong or duplicated.
/// </summary>
public static class MetadataRelay
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        // Hop-by-hop (RFC 9110 section 7.6.1) and their HTTP/1 relatives.
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "expect",
        // Framing and content negotiation of this hop; the gRPC client sets its own.
        "host", "content-type", "content-length", "content-encoding", "accept", "accept-encoding",
        "user-agent", "date", "server", "alt-svc",
        "grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "grpc-status", "grpc-message",
        // gRPC-Web and browser transport; meaningless to a service behind the gateway.
        "x-grpc-web", "x-user-agent", "origin", "referer", "cookie", "set-cookie",
        "access-control-request-method", "access-control-request-headers", "priority",
    };

    /// <summary>The caller's request metadata that should reach the owning service.</summary>
    public static Metadata RequestHeaders(Metadata incoming)
    {
        var forwarded = new Metadata();
        foreach (var entry in incoming)
        {
            if (IsCallMetadata(entry.Key))
            {
                forwarded.Add(entry);
            }
        }

        return forwarded;
    }

    /// <summary>The owning service's response headers or trailers that should reach the caller.</summary>
    /// <remarks>grpc-status-details-bin passes: it carries the rich error details (google.rpc.Status).</remarks>
    public static Metadata ResponseMetadata(Metadata downstream)
    {
        var relayed = new Metadata();
        foreach (var entry in downstream)
        {
            if (IsCallMetadata(entry.Key))
            {
                relayed.Add(entry);
            }
        }

        return relayed;
    }

    private static bool IsCallMetadata(string key) =>
        key.Length > 0
        && key[0] != ':'
        && !HopHeaders.Contains(key)
        && !key.StartsWith("sec-", StringComparison.OrdinalIgnoreCase);
}
