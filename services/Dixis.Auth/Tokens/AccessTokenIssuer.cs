using Dixis.Auth.Model;
using Dixis.Auth.SigningKeys;
using Dixis.ServiceDefaults.Security;
using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Auth.Tokens;

/// <summary>Creates ES256 access tokens signed by the ring's current key (header <c>kid</c>).</summary>
public sealed class AccessTokenIssuer(
    SigningKeyRing keyRing, TimeProvider timeProvider, IOptions<AccessTokenOptions> issuer, IOptions<TokenOptions> lifetimes)
{
    /// <summary>The claim naming the session (refresh-token family) of a user's token.</summary>
    public const string SessionClaim = "sid";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A user's token: <c>sub</c>, <c>roles</c>, <c>producer_id</c> when bound, <c>sid</c>.</summary>
    public Task<IssuedToken> IssueForUserAsync(string userId, IReadOnlyList<string> roles, string? producerId, string sessionId, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [CallerClaims.Subject] = userId,
            [CallerClaims.Role] = roles.ToArray(),
            [SessionClaim] = sessionId,
        };
        if (producerId is not null)
        {
            claims[CallerClaims.ProducerId] = producerId;
        }

        return IssueAsync(claims, lifetimes.Value.AccessTokenLifetime, cancellationToken);
    }

    /// <summary>A partner client's token: <c>sub</c> = <c>client_id</c>, <c>scope</c> (an array, one entry per scope), <c>producer_id</c> when bound.</summary>
    public Task<IssuedToken> IssueForClientAsync(string clientId, IReadOnlyList<string> scopes, string? producerId, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [CallerClaims.Subject] = clientId,
            [CallerClaims.ClientId] = clientId,
            [CallerClaims.Scope] = scopes.ToArray(),
        };
        if (producerId is not null)
        {
            claims[CallerClaims.ProducerId] = producerId;
        }

        return IssueAsync(claims, lifetimes.Value.ClientTokenLifetime, cancellationToken);
    }

    private async Task<IssuedToken> IssueAsync(Dictionary<string, object> claims, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        // Whole seconds, as the claims carry them, so expire_time in the response equals exp in the token.
        var now = DateTimeOffset.FromUnixTimeSeconds(timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + lifetime;
        claims[JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7(now).ToString("N");
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer.Value.Issuer,
            Audience = issuer.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = await keyRing.GetSigningCredentialsAsync(cancellationToken),
        };
        return new IssuedToken(Handler.CreateToken(descriptor), expires);
    }
}
