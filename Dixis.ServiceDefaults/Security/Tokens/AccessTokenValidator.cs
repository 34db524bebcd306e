using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// Validates a Dixis access token the same way in every service and in the gateway: a compact JWS signed with ES256
/// only (so <c>alg: none</c> and HS256 "signed" with the public key are refused before any key is looked at), by a key
/// of the Auth service's JWKS, with the configured <c>iss</c> and <c>aud</c>, within its lifetime give or take the
/// allowed clock skew, no longer-lived than <see cref="MaximumLifetime"/>, and not revoked.
/// </summary>
public sealed class AccessTokenValidator
{
    /// <summary>The longest lifetime of any Dixis access token (the Auth service issues at most ten minutes).</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A compact JWT is a few hundred bytes; anything far longer is not one of ours and is not parsed.</summary>
    private const int MaximumTokenLength = 8 * 1024;

    private readonly IAccessTokenKeys keys;
    private readonly ITokenRevocations revocations;
    private readonly ValidatedTokenCache cache;
    private readonly TimeProvider timeProvider;
    private readonly AccessTokenOptions options;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;

    public AccessTokenValidator(
        IAccessTokenKeys keys,
        ITokenRevocations revocations,
        ValidatedTokenCache cache,
        IOptions<AccessTokenOptions> options,
        TimeProvider timeProvider)
    {
        this.keys = keys;
        this.revocations = revocations;
        this.cache = cache;
        this.timeProvider = timeProvider;
        this.options = options.Value;
        parameters = new TokenValidationParameters
        {
            ValidIssuer = this.options.Issuer,
            ValidAudience = this.options.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireAudience = true,
            // Checked below against the injected TimeProvider, so that tests and the cache see the same clock.
            ValidateLifetime = false,
            RequireExpirationTime = true,
            TryAllIssuerSigningKeys = false,
            NameClaimType = CallerClaims.Subject,
            RoleClaimType = CallerClaims.Role,
            AuthenticationType = "Bearer",
        };
    }

    public ValueTask<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ValidateAsync(token.AsMemory(), cancellationToken);
    }

    /// <summary>Validates the token in <paramref name="token"/> (e.g. a slice of the authorization header, not copied when remembered).</summary>
    public async ValueTask<AccessTokenValidation> ValidateAsync(ReadOnlyMemory<char> token, CancellationToken cancellationToken)
    {
        var validated = cache.Find(token.Span);
        if (validated is null)
        {
            var text = token.ToString();
            var verification = await VerifyAsync(text, cancellationToken).ConfigureAwait(false);
            if (verification.Token is null)
            {
                return verification;
            }

            validated = verification.Token;
            cache.Add(text, validated);
        }

        return await revocations.IsRevokedAsync(validated.Subject, validated.SessionId, validated.IssuedAt, cancellationToken).ConfigureAwait(false)
            ? AccessTokenValidation.Refused(AccessTokenRejection.Revoked)
            : AccessTokenValidation.Accepted(validated);
    }

    private async ValueTask<AccessTokenValidation> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > MaximumTokenLength || !handler.CanReadToken(token))
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token is not a JWT."));
        }

        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token is not a JWT."));
        }

        if (!string.Equals(jwt.Alg, SecurityAlgorithms.EcdsaSha256, StringComparison.Ordinal))
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token is not signed with ES256, the only algorithm accepted."));
        }

        var signingKeys = await keys.GetKeysAsync(string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (signingKeys.Count == 0)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token is signed with a key the Auth service does not publish."));
        }

        var call = parameters.Clone();
        call.IssuerSigningKeys = signingKeys;
        var result = await handler.ValidateTokenAsync(jwt, call).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid(Describe(result.Exception)));
        }

        var subject = jwt.TryGetPayloadValue<string>(CallerClaims.Subject, out var sub) ? sub : null;
        if (string.IsNullOrEmpty(subject))
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token names no subject (sub)."));
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAtSeconds))
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token has no issue time (iat)."));
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAtSeconds);
        var expiresAt = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var notBefore = jwt.ValidFrom == DateTime.MinValue ? issuedAt : new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        if (expiresAt - issuedAt > MaximumLifetime)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token lives longer than Dixis tokens may."));
        }

        if (now - options.ClockSkew >= expiresAt)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Expired);
        }

        if (now + options.ClockSkew < notBefore || now + options.ClockSkew < issuedAt)
        {
            return AccessTokenValidation.Refused(AccessTokenRejection.Invalid("The access token is not valid yet."));
        }

        var sessionId = jwt.TryGetPayloadValue<string>("sid", out var sid) && !string.IsNullOrEmpty(sid) ? sid : null;

        // The handler's identity reads its claims from the token's JSON on demand; one made of plain claims is read on
        // every call for the token's whole life, so it is made once here, and the caller with it.
        var identity = new ClaimsIdentity(
            result.ClaimsIdentity.Claims.Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer)),
            parameters.AuthenticationType,
            CallerClaims.Subject,
            CallerClaims.Role);
        var caller = Caller.From(new ClaimsPrincipal(identity));
        return AccessTokenValidation.Accepted(new ValidatedAccessToken(identity, caller, subject, sessionId, issuedAt, expiresAt));
    }

    /// <summary>What failed, in words that name no claim values and no key material.</summary>
    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenInvalidAudienceException => "The access token is for another audience.",
        SecurityTokenInvalidIssuerException => "The access token was issued by another issuer.",
        SecurityTokenInvalidAlgorithmException => "The access token is not signed with ES256, the only algorithm accepted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature does not verify.",
        SecurityTokenNoExpirationException => "The access token has no expiry (exp).",
        _ => "The access token is not valid.",
    };
}
