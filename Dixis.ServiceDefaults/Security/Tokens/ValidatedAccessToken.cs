using System.Security.Claims;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// A token whose signature, issuer, audience and lifetime were verified: its identity, the caller it makes, and what a
/// revocation is checked against. Both are shared by every call presenting the same token and must not be changed.
/// </summary>
public sealed record ValidatedAccessToken(
    ClaimsIdentity Identity,
    Caller Caller,
    string Subject,
    string? SessionId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The request feature that hands <see cref="Caller"/> to every reader of the call, made once per token.</summary>
    public CallerFeature CallerFeature { get; } = new(Caller);
}
