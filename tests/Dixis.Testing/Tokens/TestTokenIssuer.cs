using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dixis.ServiceDefaults.Security;
using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Testing.Tokens;

/// <summary>
/// Stands in for the Auth service where a test runs a service without it: an ES256 key of its own, published to the
/// service under test through <see cref="Keys"/>, and tokens shaped as the Auth service issues them. The service
/// validates them with its real validation code. Also forges the bad tokens the security tests send.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "dixis-auth";

    public const string Audience = "dixis-api";

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly JsonWebTokenHandler handler = new();

    public TestTokenIssuer(string keyId = "test-key-1")
    {
        KeyId = keyId;
        SigningKey = new ECDsaSecurityKey(key) { KeyId = keyId };
        Keys = new StaticAccessTokenKeys([new ECDsaSecurityKey(ECDsa.Create(key.ExportParameters(includePrivateParameters: false))) { KeyId = keyId }]);
    }

    /// <summary>One issuer for a whole test run, as one Auth service serves a whole platform.</summary>
    public static TestTokenIssuer Shared { get; } = new();

    public string KeyId { get; }

    public ECDsaSecurityKey SigningKey { get; }

    /// <summary>The public key, as a service's <see cref="IAccessTokenKeys"/>.</summary>
    public IAccessTokenKeys Keys { get; }

    /// <summary>Revocations a test records, as a service's <see cref="ITokenRevocations"/>.</summary>
    public StaticTokenRevocations Revocations { get; } = new();

    /// <summary>A user's access token, valid for five minutes from <paramref name="issuedAt"/> (now by default).</summary>
    public string ForUser(string subject, IEnumerable<string> roles, string? producerId = null, string? sessionId = null, DateTimeOffset? issuedAt = null) =>
        Issue(UserClaims(subject, roles, producerId, sessionId), issuedAt);

    /// <summary>A partner client's access token.</summary>
    public string ForClient(string clientId, IEnumerable<string> scopes, string? producerId = null)
    {
        var claims = new Dictionary<string, object> { [CallerClaims.Subject] = clientId, [CallerClaims.ClientId] = clientId, [CallerClaims.Scope] = scopes.ToArray() };
        if (producerId is not null)
        {
            claims[CallerClaims.ProducerId] = producerId;
        }

        return Issue(claims);
    }

    /// <summary>A token with any claims, lifetime, issuer or audience, signed with <paramref name="signingKey"/> (this issuer's key by default).</summary>
    public string Issue(
        IDictionary<string, object> claims,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        string issuer = Issuer,
        string audience = Audience,
        SecurityKey? signingKey = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = iat.UtcDateTime,
            NotBefore = iat.UtcDateTime,
            Expires = (iat + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The claims of a user's token.</summary>
    public static Dictionary<string, object> UserClaims(string subject, IEnumerable<string> roles, string? producerId = null, string? sessionId = null)
    {
        var claims = new Dictionary<string, object> { [CallerClaims.Subject] = subject, [CallerClaims.Role] = roles.ToArray() };
        if (producerId is not null)
        {
            claims[CallerClaims.ProducerId] = producerId;
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        return claims;
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given claims.</summary>
    public static string Unsigned(IDictionary<string, object> claims) =>
        $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{Segment(Payload(claims))}.";

    /// <summary>
    /// The classic key-confusion forgery: HS256 with the ES256 public key's bytes as the HMAC secret, for a validator
    /// that would pick the algorithm from the token's header.
    /// </summary>
    public static string HmacSignedWithPublicKey(IDictionary<string, object> claims, byte[] publicKeyBytes, string keyId)
    {
        var signingInput = $"{Segment($$"""{"alg":"HS256","typ":"JWT","kid":"{{keyId}}"}""")}.{Segment(Payload(claims))}";
        var signature = HMACSHA256.HashData(publicKeyBytes, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The public key as the bytes an attacker would take from the JWKS (the uncompressed point).</summary>
    public byte[] PublicKeyBytes()
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    public void Dispose() => key.Dispose();

    private static string Payload(IDictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var all = new Dictionary<string, object>(claims)
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
        return System.Text.Json.JsonSerializer.Serialize(all);
    }

    private static string Segment(string json) => Base64UrlEncoder.Encode(json);

    /// <summary>For tests that need the claims a principal would carry.</summary>
    public static ClaimsPrincipal Principal(string subject, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(CallerClaims.Subject, subject), .. roles.Select(role => new Claim(CallerClaims.Role, role))], "Bearer", CallerClaims.Subject, CallerClaims.Role));
}
