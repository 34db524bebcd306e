namespace Dixis.Gateway.TransportSecurity;

/// <summary>
/// The paths whose answers carry credentials: access and refresh tokens (the AuthService, in JSON and in gRPC or
/// gRPC-Web) and partner client secrets, shown once when a client is created. No browser, proxy or CDN may keep a
/// copy of them, whatever the answer (an error included), so they are marked by path before routing, not by endpoint.
/// </summary>
public static class TokenBearingRoutes
{
    private static readonly string[] PathPrefixes =
    [
        "/v1/auth",
        "/dixis.auth.v1.AuthService/",
        "/v1/partnerClients",
        "/dixis.auth.v1.PartnerClientService/",
    ];

    /// <summary>
    /// By prefix, not by segment: a custom verb (<c>/v1/auth:login</c>) is part of the last segment. Ignoring case,
    /// as JSON routing does, so a differently cased path that still reaches the method is covered too.
    /// </summary>
    public static bool Contains(PathString path)
    {
        var value = path.Value;
        return value is not null
            && Array.Exists(PathPrefixes, prefix => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
