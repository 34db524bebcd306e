using Dixis.Auth.Model;
using Dixis.Auth.Tokens;
using Dixis.ServiceDefaults.Security;
using Grpc.Core;

namespace Dixis.Auth.Accounts;

/// <summary>The user a call is made by (from its validated access token), and the session it belongs to.</summary>
public sealed record SignedInUser(string UserId, string? SessionId, Caller Caller)
{
    /// <summary>The signed-in user of <paramref name="context"/>.</summary>
    /// <exception cref="RpcException">PERMISSION_DENIED for a partner client; UNAUTHENTICATED for an anonymous caller.</exception>
    public static SignedInUser From(ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (caller.ClientId is not null)
        {
            throw AuthErrors.NotAUser();
        }

        if (caller.Subject is null)
        {
            throw ServiceDefaults.Grpc.RpcErrors.Unauthenticated(AuthErrors.Domain, ServiceDefaults.Grpc.RpcErrors.TokenMissingReason, "This method needs a signed-in user.");
        }

        var sessionId = context.GetHttpContext().User.FindFirst(AccessTokenIssuer.SessionClaim)?.Value;
        return new SignedInUser(caller.Subject, sessionId, caller);
    }
}
