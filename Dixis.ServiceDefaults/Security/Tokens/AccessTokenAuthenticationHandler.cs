using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// Authenticates a call from its <c>authorization: Bearer &lt;access token&gt;</c> header (RFC 6750) with the
/// <see cref="AccessTokenValidator"/>. A call without the header stays anonymous; a call with a header that is not a
/// valid token fails with an <see cref="AccessTokenRejectedException"/> saying why, which the access checks turn into
/// UNAUTHENTICATED whatever the method (a client sending a bad token should learn it, not be served as anonymous).
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    AccessTokenValidator validator,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[HeaderNames.Authorization];
        if (values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var header = values.Count == 1 ? values[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Refuse(AccessTokenRejection.Invalid("The authorization header must be 'Bearer <access token>', once."));
        }

        var validation = await validator.ValidateAsync(header.AsMemory(BearerPrefix.Length).Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (validation.Token is not { } token)
        {
            return Refuse(validation.Rejection!);
        }

        Context.Features.Set(token.CallerFeature);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(token.Identity), SchemeName));
    }

    private static AuthenticateResult Refuse(AccessTokenRejection rejection) =>
        AuthenticateResult.Fail(new AccessTokenRejectedException(rejection));
}
