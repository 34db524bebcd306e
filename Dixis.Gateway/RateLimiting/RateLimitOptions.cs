using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// Rate limits of the gateway, bound from <c>Gateway:RateLimits</c> and validated at start. Every forwarded call
/// counts against its client IP; an authenticated caller's call also against the user or the partner client; a call
/// of a <see cref="SensitiveMethods">sensitive method</see> also against the stricter per-IP <see cref="Sensitive"/>
/// limit, which all sensitive methods share.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>The credential and token methods: the ones password guessing, account enumeration and token farming aim at.</summary>
    public static readonly IReadOnlyList<string> DefaultSensitiveMethods =
    [
        "/dixis.auth.v1.AuthService/Login",
        "/dixis.auth.v1.AuthService/Register",
        "/dixis.auth.v1.AuthService/RequestPasswordReset",
        "/dixis.auth.v1.AuthService/ConfirmPasswordReset",
        "/dixis.auth.v1.AuthService/ExchangeClientCredentials",
        "/dixis.auth.v1.AuthService/RefreshToken",
    ];

    /// <summary>Whether the gateway limits calls at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every forwarded call, per client IP (IPv6 by /64, the block one subscriber is usually given).</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule PerIp { get; set; } = new() { Requests = 100, Period = TimeSpan.FromSeconds(1), Burst = 200 };

    /// <summary>Calls of an authenticated user (<c>Caller.Subject</c>), in addition to the per-IP limit.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule PerUser { get; set; } = new() { Requests = 20, Period = TimeSpan.FromSeconds(1), Burst = 40 };

    /// <summary>Calls of a partner client (<c>Caller.ClientId</c>), in addition to the per-IP limit.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule PerClient { get; set; } = new() { Requests = 50, Period = TimeSpan.FromSeconds(1), Burst = 100 };

    /// <summary>Calls of the sensitive methods, per client IP, all of them together.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Sensitive { get; set; } = new() { Requests = 10, Period = TimeSpan.FromMinutes(1), Burst = 5 };

    /// <summary>
    /// gRPC paths (<c>/package.Service/Method</c>) of the sensitive methods, whichever protocol calls them. Configuring
    /// the list replaces <see cref="DefaultSensitiveMethods"/>; leaving it out keeps them (a list cannot be emptied
    /// by accident, which would leave login limited like a catalog read).
    /// </summary>
    public string[]? SensitiveMethods { get; set; }

    /// <summary>How long a call waits for Redis before it is limited in memory instead: a limit check must never be what makes a call slow.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>After Redis failed or was too slow, how long calls are limited in memory before Redis is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RedisRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most identities the in-memory limiter tracks; beyond it, new identities share one cell per limit (still limited, memory bounded).</summary>
    [Range(16, 10_000_000)]
    public int MaxInMemoryKeys { get; set; } = 100_000;

    /// <summary>The sensitive method paths in effect.</summary>
    public IReadOnlyList<string> EffectiveSensitiveMethods => SensitiveMethods is { Length: > 0 } configured ? configured : DefaultSensitiveMethods;
}
