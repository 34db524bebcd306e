using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Errors;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Access;

/// <summary>
/// Enforces the access rule each public method declares in its contract before anything is forwarded, in all three
/// protocols (it runs after routing, where every endpoint of a method carries its <see cref="GatewayMethod"/>): a bad
/// token, or none for a method that needs one, is refused UNAUTHENTICATED (HTTP 401 with <c>WWW-Authenticate</c>); a
/// caller without the role or scope, PERMISSION_DENIED (403). The services check the same rule again themselves, and
/// ownership of each resource, so the gateway is the first wall, not the only one.
/// </summary>
public sealed class GatewayAccessMiddleware(RequestDelegate next, CallRejection rejection)
{
    public const string ErrorDomain = "dixis.gateway";

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var method = httpContext.GetEndpoint()?.Metadata.GetMetadata<GatewayMethod>();
        if (method is null)
        {
            await next(httpContext).ConfigureAwait(false);
            return;
        }

        var decision = await AccessRuleEvaluator.EvaluateAsync(httpContext, method.Path, method.Access).ConfigureAwait(false);
        if (decision.IsAdmitted)
        {
            await next(httpContext).ConfigureAwait(false);
            return;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)decision.Code,
            Message = decision.Message ?? string.Empty,
            Details = { Any.Pack(new ErrorInfo { Domain = ErrorDomain, Reason = decision.Reason ?? string.Empty }) },
        };
        await rejection.WriteAsync(httpContext, status, ChallengeOf(decision)).ConfigureAwait(false);
    }

    /// <summary>RFC 6750: a 401 names the scheme, and says <c>invalid_token</c> when a token was sent but refused.</summary>
    private static KeyValuePair<string, string>[] ChallengeOf(AccessDecision decision) => decision.Code switch
    {
        StatusCode.Unauthenticated when decision.Reason is "TOKEN_MISSING" => [new("WWW-Authenticate", "Bearer")],
        StatusCode.Unauthenticated => [new("WWW-Authenticate", "Bearer error=\"invalid_token\"")],
        _ => [],
    };
}
