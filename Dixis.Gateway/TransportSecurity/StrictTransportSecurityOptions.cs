namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// The <c>Strict-Transport-Security</c> policy (RFC 6797), sent on HTTPS responses only: a browser ignores it over
/// cleartext, where an attacker could forge or strip it anyway.
/// </summary>
public sealed class StrictTransportSecurityOptions
{
    /// <summary>How long a browser keeps to HTTPS for the gateway's host (<c>max-age</c>); one year by default.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Extend the policy to every subdomain (<c>includeSubDomains</c>).</summary>
    public bool IncludeSubDomains { get; set; } = true;

    /// <summary>
    /// Ask to be listed in the browsers' preload lists (<c>preload</c>). Off by default: a preloaded domain cannot
    /// leave HTTPS for months, so it is a deliberate decision of whoever runs the domain.
    /// </summary>
    public bool Preload { get; set; }

    /// <summary>
    /// Send the header in Development too. Off by default: a developer's browser would pin <c>localhost</c> to
    /// HTTPS for <see cref="MaxAge"/>, breaking every other cleartext site it serves on that machine (the reason
    /// ASP.NET Core's own HSTS middleware excludes localhost).
    /// </summary>
    public bool EnableInDevelopment { get; set; }
}
