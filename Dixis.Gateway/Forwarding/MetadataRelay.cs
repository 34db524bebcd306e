using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>
/// Decides which metadata crosses the gateway. Headers that describe the caller's call (authorization,
/// accept-language, x-request-id, any custom x-* or -bin entry) pass through; headers that describe the hop
/// itself (pseudo headers, hop-by-hop headers, framing, encodings, browser negotiation) stay at the gateway,
/// because the downstream hop has its own and a copied value would be wrong or duplicated. Headers only the
/// platform itself may set (<c>dixis-internal-caller</c>) never cross the gateway in either direction. The typed
/// forwarders (<see cref="RequestHeaders"/>, <see cref="ResponseMetadata"/>) and the native gRPC pass-through
/// (<see cref="RelaysPassThroughRequestHeader"/>, <see cref="RelaysPassThroughResponseHeader"/>) apply the same policy.
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

    /// <summary>
    /// Identity headers that services trust because only the platform sets them: <c>dixis-internal-caller</c> names
    /// the calling service (until services authenticate each other with tokens). Sent from outside it would be a
    /// forged identity, so the gateway drops it instead of relaying it.
    /// </summary>
    private static readonly HashSet<string> PlatformOnlyHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "dixis-internal-caller",
    };

    /// <summary>
    /// Headers that describe the message bytes rather than the hop. The typed forwarders decode and re-encode the
    /// messages and their gRPC client writes its own; the pass-through relays the bytes unchanged, so what says how
    /// they are framed and compressed must travel with them. <c>te</c> and <c>grpc-timeout</c> are not here: the
    /// pass-through sets both itself.
    /// </summary>
    private static readonly HashSet<string> PassThroughRequestFraming = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "grpc-encoding", "grpc-accept-encoding",
    };

    /// <summary>As <see cref="PassThroughRequestFraming"/>, plus the call's outcome, which the pass-through relays as the service sent it.</summary>
    private static readonly HashSet<string> PassThroughResponseFraming = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "grpc-encoding", "grpc-accept-encoding", "grpc-status", "grpc-message",
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

    /// <summary>Whether the pass-through sends a caller's request header on to the owning service.</summary>
    public static bool RelaysPassThroughRequestHeader(string key) =>
        IsCallMetadata(key) || PassThroughRequestFraming.Contains(key);

    /// <summary>Whether the pass-through sends the owning service's response header or trailer on to the caller.</summary>
    /// <remarks>grpc-status-details-bin passes with the call metadata, grpc-status and grpc-message with the framing.</remarks>
    public static bool RelaysPassThroughResponseHeader(string key) =>
        IsCallMetadata(key) || PassThroughResponseFraming.Contains(key);

    private static bool IsCallMetadata(string key) =>
        key.Length > 0
        && key[0] != ':'
        && !HopHeaders.Contains(key)
        && !PlatformOnlyHeaders.Contains(key)
        && !key.StartsWith("sec-", StringComparison.OrdinalIgnoreCase);
}
