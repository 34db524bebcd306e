using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Dixis.Gateway.Descriptors;
using Dixis.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// Which limits a call counts against: always its client IP; an authenticated user's calls also the user, a partner
/// client's calls also the client; a sensitive method's calls also the sensitive per-IP limit. The client IP is the
/// connection's (<c>HttpContext.Connection.RemoteIpAddress</c>): a forwarded-for header is whatever the caller wrote,
/// and behind a proxy the address is set by ASP.NET Core's forwarded headers middleware for known proxies only.
/// </summary>
public sealed class RateLimitBucketSelector(IOptions<RateLimitOptions> options)
{
    /// <summary>The one bucket of calls whose address is not known (test hosts, some transports).</summary>
    public const string UnknownAddress = "unknown";

    private const string Prefix = "dixis:rl:";

    private readonly RateLimitOptions limits = options.Value;
    private readonly FrozenSet<string> sensitive = options.Value.EffectiveSensitiveMethods.ToFrozenSet(StringComparer.Ordinal);

    public RateLimitBucket[] Select(HttpContext httpContext, GatewayMethod method)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(method);
        return Select(httpContext.Connection.RemoteIpAddress, httpContext.GetCaller(), method.Path);
    }

    public RateLimitBucket[] Select(IPAddress? remoteAddress, ClaimsPrincipal? user, string methodPath) =>
        Select(remoteAddress, Caller.From(user), methodPath);

    public RateLimitBucket[] Select(IPAddress? remoteAddress, Caller caller, string methodPath)
    {
        var address = AddressKey(remoteAddress);
        var isSensitive = sensitive.Contains(methodPath);
        var identity = caller.ClientId is { } clientId
            ? new RateLimitBucket(string.Concat(Prefix, "client:", clientId), "client", limits.PerClient)
            : caller.Subject is { } subject
                ? new RateLimitBucket(string.Concat(Prefix, "user:", subject), "user", limits.PerUser)
                : (RateLimitBucket?)null;

        var buckets = new RateLimitBucket[1 + (identity is null ? 0 : 1) + (isSensitive ? 1 : 0)];
        var next = 0;
        buckets[next++] = new RateLimitBucket(string.Concat(Prefix, "ip:", address), "ip", limits.PerIp);
        if (identity is { } known)
        {
            buckets[next++] = known;
        }

        if (isSensitive)
        {
            buckets[next] = new RateLimitBucket(string.Concat(Prefix, "sensitive:ip:", address), "sensitive", limits.Sensitive);
        }

        return buckets;
    }

    /// <summary>
    /// IPv4 as it is (an IPv4-mapped IPv6 address too, as dual-stack sockets report IPv4 callers); IPv6 by its /64,
    /// the block one subscriber is usually given, so that walking through the addresses of one's own block gains nothing.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return string.Concat(new IPAddress(bytes).ToString(), "/64");
    }
}
