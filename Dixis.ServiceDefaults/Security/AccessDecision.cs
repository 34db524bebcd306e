using Grpc.Core;

namespace Dixis.ServiceDefaults.Security;

/// <summary>Whether a call may go on, and if not, the status, <c>ErrorInfo</c> reason and message it is refused with.</summary>
public sealed record AccessDecision(StatusCode Code, string? Reason, string? Message)
{
    public static AccessDecision Admitted { get; } = new(StatusCode.OK, null, null);

    public bool IsAdmitted => Code == StatusCode.OK;

    public static AccessDecision Unauthenticated(string reason, string message) => new(StatusCode.Unauthenticated, reason, message);

    public static AccessDecision Denied(string reason, string message) => new(StatusCode.PermissionDenied, reason, message);
}
