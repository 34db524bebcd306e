using System.Security.Claims;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// A token whose signature, issuer, audience and lifetime were verified: its identity and what a revocation is
/// checked against. The identity is shared by every call presenting the same token and must not be changed.
/// </summary>
public sealed record ValidatedAccessToken(
    ClaimsIdentity Identity,
    string Subject,
    string? SessionId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);
