using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// The one place a call is judged against its method's declared <see cref="AccessRule"/>, in every service (the
/// <see cref="AccessRuleInterceptor"/>) and in the gateway before it forwards: authenticates the call (a token that was
/// sent but is not valid refuses the call whatever the method), then admits or refuses it by audience, role and scope.
/// Ownership of individual resources is each service's own check, after this one.
/// </summary>
public static class AccessRuleEvaluator
{
    /// <summary>Authenticates <paramref name="httpContext"/> (setting its <c>User</c>) and decides on <paramref name="rule"/>.</summary>
    public static async Task<AccessDecision> EvaluateAsync(HttpContext httpContext, string method, AccessRule? rule)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var authentication = await httpContext.AuthenticateAsync().ConfigureAwait(false);
        if (authentication.Failure is { } failure)
        {
            var rejection = failure is AccessTokenRejectedException rejected
                ? rejected.Rejection
                : AccessTokenRejection.Invalid("The caller's credentials are not valid.");
            return AccessDecision.Unauthenticated(rejection.Reason, rejection.Message);
        }

        if (authentication.Principal is { } principal)
        {
            httpContext.User = principal;
        }

        return Decide(method, rule, httpContext.GetCaller());
    }

    /// <summary>The decision on <paramref name="rule"/> for an authenticated (or anonymous) <paramref name="caller"/>.</summary>
    public static AccessDecision Decide(string method, AccessRule? rule, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (rule is null || rule.Audience is Audience.Public or Audience.Internal)
        {
            return AccessDecision.Admitted;
        }

        if (caller.IsAnonymous)
        {
            return AccessDecision.Unauthenticated(RpcErrors.TokenMissingReason, $"{method} needs a signed-in caller: send 'authorization: Bearer <access token>'.");
        }

        var admitted = rule.Audience switch
        {
            Audience.Authenticated => true,
            Audience.Roles => caller.HasAnyRole(rule.Roles) || (rule.Scopes.Count > 0 && caller.HasAnyScope(rule.Scopes)),
            Audience.Partner => caller.HasAnyScope(rule.Scopes),
            _ => false,
        };
        if (admitted)
        {
            return AccessDecision.Admitted;
        }

        var needs = rule.Audience == Audience.Partner
            ? $"a partner client with one of the scopes {string.Join(", ", rule.Scopes)}"
            : $"one of the roles {string.Join(", ", rule.Roles)}" + (rule.Scopes.Count > 0 ? $" or scopes {string.Join(", ", rule.Scopes)}" : string.Empty);
        return AccessDecision.Denied(RpcErrors.AccessDeniedReason, $"{method} needs {needs}.");
    }
}
