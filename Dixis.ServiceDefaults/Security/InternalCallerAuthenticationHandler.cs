using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Security;

/// <summary>Authenticates a call from its <see cref="InternalCallerHeader"/>; a call without one stays anonymous.</summary>
internal sealed class InternalCallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "InternalCaller";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(InternalCallerHeader.Name, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = values.Count == 1 ? InternalCallerHeader.Parse(values[0] ?? string.Empty, SchemeName) : null;
        return Task.FromResult(identity is null
            ? AuthenticateResult.Fail($"The {InternalCallerHeader.Name} header is malformed.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
