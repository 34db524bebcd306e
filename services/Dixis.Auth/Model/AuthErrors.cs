using System.Collections.Frozen;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Auth.Model;

/// <summary>The Auth service's errors, each with its reason from <c>dixis.auth.v1.ErrorReason</c> and the detail its code calls for.</summary>
public static class AuthErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every auth error.</summary>
    public const string Domain = "dixis.auth";

    public const string UserType = "dixis.auth.v1.User";
    public const string PartnerClientType = "dixis.auth.v1.PartnerClient";

    private const string NotFoundReason = RpcErrors.NotFoundReason;

    private static readonly FrozenDictionary<ErrorReason, string> ReasonNames =
        ErrorReasonNames.Of<ErrorReason>(ErrorReasonReflection.Descriptor.EnumTypes[0]);

    /// <summary>The reason's name as sent: <c>ERROR_REASON_ACCOUNT_LOCKED</c> → <c>ACCOUNT_LOCKED</c>.</summary>
    public static string Reason(ErrorReason reason) => ReasonNames[reason];

    /// <summary>Wrong password and unknown email answer with this very error, so the answer reveals nothing.</summary>
    public static RpcException InvalidCredentials() =>
        RpcErrors.Unauthenticated(Domain, Reason(ErrorReason.InvalidCredentials), "The email or the password is wrong.");

    public static RpcException AccountDisabled() =>
        RpcErrors.PermissionDenied(Domain, Reason(ErrorReason.AccountDisabled), "The account is disabled.");

    public static RpcException AccountDisabledForToken() =>
        RpcErrors.Unauthenticated(Domain, Reason(ErrorReason.AccountDisabled), "The account is disabled; its sessions are revoked.");

    public static RpcException AccountLocked(TimeSpan retryAfter) =>
        ResourceExhausted(Reason(ErrorReason.AccountLocked), "Too many failed sign-ins: the account is locked for a while.", retryAfter);

    /// <summary>More password hashes are waiting than the service admits: shed the load instead of queueing without bound.</summary>
    public static RpcException PasswordHashingBusy() =>
        ResourceExhausted(RateLimitedReason, "Too many sign-ins at once; try again shortly.", TimeSpan.FromSeconds(1));

    public static RpcException EmailTaken(string email) =>
        RpcErrors.AlreadyExists(Domain, Reason(ErrorReason.EmailAlreadyRegistered), UserType, email, "An account with this email already exists.");

    public static RpcException RefreshTokenInvalid() =>
        RpcErrors.Unauthenticated(Domain, Reason(ErrorReason.RefreshTokenInvalid), "The refresh token is unknown, expired or revoked; sign in again.");

    public static RpcException RefreshTokenReused() =>
        RpcErrors.Unauthenticated(Domain, Reason(ErrorReason.RefreshTokenReused), "The refresh token was already used: the session is revoked; sign in again.");

    public static RpcException OneTimeTokenInvalid(string field) =>
        RpcErrors.FailedPrecondition(Domain, Reason(ErrorReason.OneTimeTokenInvalid), "The token is unknown, used or expired; ask for a new one.",
            [new PreconditionViolation("TOKEN", field, "The token is unknown, used or expired.")]);

    public static RpcException CurrentPasswordWrong() =>
        RpcErrors.PermissionDenied(Domain, Reason(ErrorReason.CurrentPasswordWrong), "The current password is wrong.");

    public static RpcException InvalidClient() =>
        RpcErrors.Unauthenticated(Domain, Reason(ErrorReason.InvalidClient), "The client id or secret is wrong, or the client is revoked.");

    public static RpcException ScopeNotGranted(IEnumerable<string> scopes) =>
        RpcErrors.PermissionDenied(Domain, Reason(ErrorReason.ScopeNotGranted), $"The client was not granted the scopes {string.Join(", ", scopes)}.");

    public static RpcException SelfLockout(string userId, string what) =>
        RpcErrors.FailedPrecondition(Domain, Reason(ErrorReason.SelfLockout), $"An administrator cannot {what} themselves.",
            [new PreconditionViolation("SELF_LOCKOUT", $"users/{userId}", $"Ask another administrator to {what} this account.")]);

    public static RpcException UserNotFound(string userId) =>
        RpcErrors.NotFound(Domain, NotFoundReason, UserType, userId, $"User '{userId}' does not exist.");

    public static RpcException PartnerClientNotFound(string clientId) =>
        RpcErrors.NotFound(Domain, NotFoundReason, PartnerClientType, clientId, $"Partner client '{clientId}' does not exist.");

    /// <summary>A user method called with a partner client's token (which has no password, profile or sessions).</summary>
    public static RpcException NotAUser() =>
        RpcErrors.PermissionDenied(Domain, RpcErrors.AccessDeniedReason, "This method is for signed-in users, not partner clients.");

    private const string RateLimitedReason = "RATE_LIMITED";

    // RpcErrors has no RESOURCE_EXHAUSTED helper yet; built the same way (ErrorInfo + RetryInfo).
    private static RpcException ResourceExhausted(string reason, string message, TimeSpan retryAfter)
    {
        var status = new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = Domain, Reason = reason }));
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter) }));
        return status.ToRpcException();
    }
}
