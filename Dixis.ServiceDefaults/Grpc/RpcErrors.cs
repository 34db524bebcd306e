using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// Errors in the rich gRPC error model (<c>google.rpc.Status</c> with details) that every service
/// raises the same way, so that the gateway can turn them into the same JSON in every protocol.
/// Every status carries one <c>ErrorInfo</c> (domain <c>dixis.&lt;service&gt;</c>, reason without the
/// <c>ERROR_REASON_</c> prefix) and the detail its code calls for (protos/README.md, "Errors").
/// </summary>
public static class RpcErrors
{
    /// <summary>The <c>ErrorInfo.reason</c> of a malformed or out-of-range request field (common ErrorReason INVALID_FIELD).</summary>
    public const string InvalidFieldReason = "INVALID_FIELD";

    /// <summary>A field the caller may not set (common ErrorReason FIELD_NOT_WRITABLE).</summary>
    public const string FieldNotWritableReason = "FIELD_NOT_WRITABLE";

    /// <summary><c>page_size</c> above the method's maximum (common ErrorReason PAGE_SIZE_TOO_LARGE).</summary>
    public const string PageSizeTooLargeReason = "PAGE_SIZE_TOO_LARGE";

    /// <summary>A <c>page_token</c> not issued for this query (common ErrorReason INVALID_PAGE_TOKEN).</summary>
    public const string InvalidPageTokenReason = "INVALID_PAGE_TOKEN";

    /// <summary>The sent etag no longer matches (common ErrorReason ETAG_MISMATCH).</summary>
    public const string EtagMismatchReason = "ETAG_MISMATCH";

    /// <summary>An idempotency key reused for a different request (common ErrorReason REQUEST_ID_REUSED).</summary>
    public const string RequestIdReusedReason = "REQUEST_ID_REUSED";

    /// <summary>The caller lacks the role or scope (common ErrorReason ACCESS_DENIED).</summary>
    public const string AccessDeniedReason = "ACCESS_DENIED";

    /// <summary>No identity was sent to a method that needs one (common ErrorReason TOKEN_MISSING).</summary>
    public const string TokenMissingReason = "TOKEN_MISSING";

    /// <summary>A resource that does not exist, when the service has no more precise reason (common ErrorReason NOT_FOUND).</summary>
    public const string NotFoundReason = "NOT_FOUND";

    /// <summary>A service this one needs did not answer; the caller may retry (common ErrorReason DEPENDENCY_UNAVAILABLE).</summary>
    public const string DependencyUnavailableReason = "DEPENDENCY_UNAVAILABLE";

    /// <summary>
    /// <c>INVALID_ARGUMENT</c> naming the offending field in a <c>google.rpc.BadRequest</c>, with an
    /// <c>ErrorInfo</c> of reason INVALID_FIELD in <paramref name="domain"/> (e.g. <c>dixis.catalog</c>).
    /// </summary>
    public static RpcException InvalidField(string domain, string field, string description) =>
        InvalidArgument(domain, [new FieldViolation(field, description, InvalidFieldReason)]);

    /// <summary>
    /// <c>INVALID_ARGUMENT</c> listing every bad field in one <c>google.rpc.BadRequest</c>. The <c>ErrorInfo</c>
    /// reason is the first violation's; the message names every field, so a log line alone says what was wrong.
    /// </summary>
    public static RpcException InvalidArgument(string domain, IReadOnlyList<FieldViolation> violations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            throw new ArgumentException("An INVALID_ARGUMENT error needs at least one field violation.", nameof(violations));
        }

        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Field,
                Description = violation.Description,
                Reason = violation.Reason,
            });
        }

        var message = violations.Count == 1
            ? $"{violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return Raise(Code.InvalidArgument, message, Info(domain, violations[0].Reason), badRequest);
    }

    /// <summary><c>NOT_FOUND</c> with a <c>ResourceInfo</c> naming what was looked for.</summary>
    public static RpcException NotFound(string domain, string reason, string resourceType, string resourceName, string message) =>
        Raise(Code.NotFound, message, Info(domain, reason), new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });

    /// <summary><c>ALREADY_EXISTS</c> with a <c>ResourceInfo</c> naming the clash, and facts as <c>ErrorInfo.metadata</c>.</summary>
    public static RpcException AlreadyExists(
        string domain, string reason, string resourceType, string resourceName, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Raise(Code.AlreadyExists, message, Info(domain, reason, metadata), new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });

    /// <summary><c>FAILED_PRECONDITION</c> with a <c>PreconditionFailure</c> listing each unmet condition.</summary>
    public static RpcException FailedPrecondition(string domain, string reason, string message, IReadOnlyList<PreconditionViolation> violations)
    {
        var failure = new PreconditionFailure();
        foreach (var violation in violations)
        {
            failure.Violations.Add(new PreconditionFailure.Types.Violation
            {
                Type = violation.Type,
                Subject = violation.Subject,
                Description = violation.Description,
            });
        }

        return Raise(Code.FailedPrecondition, message, Info(domain, reason), failure);
    }

    /// <summary><c>ABORTED</c>: the resource changed since the caller read it (ETAG_MISMATCH, or a lost race to retry).</summary>
    public static RpcException Aborted(string domain, string reason, string message) =>
        Raise(Code.Aborted, message, Info(domain, reason));

    /// <summary><c>ABORTED</c> with reason ETAG_MISMATCH: the sent etag is not the resource's current one.</summary>
    public static RpcException EtagMismatch(string domain, string resourceName) =>
        Aborted(domain, EtagMismatchReason, $"'{resourceName}' was changed since it was read: read it again and reapply the change with its new etag.");

    /// <summary><c>PERMISSION_DENIED</c>: the caller is known but may not do this.</summary>
    public static RpcException PermissionDenied(string domain, string reason, string message) =>
        Raise(Code.PermissionDenied, message, Info(domain, reason));

    /// <summary><c>UNAUTHENTICATED</c>: the method needs a caller identity and none (or no valid one) was sent.</summary>
    public static RpcException Unauthenticated(string domain, string reason, string message) =>
        Raise(Code.Unauthenticated, message, Info(domain, reason));

    /// <summary><c>UNAVAILABLE</c> with a <c>RetryInfo</c>: try again after <paramref name="retryDelay"/>.</summary>
    public static RpcException Unavailable(string domain, string reason, string message, TimeSpan retryDelay) =>
        Raise(Code.Unavailable, message, Info(domain, reason), new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryDelay) });

    private static ErrorInfo Info(string domain, string reason, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var info = new ErrorInfo { Domain = domain, Reason = reason };
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = value;
            }
        }

        return info;
    }

    private static RpcException Raise(Code code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
