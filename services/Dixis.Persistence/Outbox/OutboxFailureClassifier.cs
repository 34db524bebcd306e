using Google.Protobuf;
using Grpc.Core;

namespace Dixis.Persistence.Outbox;

/// <summary>
/// Decides, once for every handler, whether a failed delivery may succeed when tried again. Handlers call other
/// services over gRPC and let their errors escape, so the status codes are judged here rather than in each handler.
/// </summary>
/// <remarks>
/// Permanent: the answer would be the same next time, since the message (decided in a committed transaction) never
/// changes: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE; a
/// payload protobuf cannot parse; <see cref="PermanentOutboxFailureException"/>. Everything else is transient and is
/// retried with back-off until <see cref="OutboxOptions.MaxAttempts"/>: UNAVAILABLE, DEADLINE_EXCEEDED,
/// RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNKNOWN, CANCELLED by the other side, UNAUTHENTICATED (credentials rotate),
/// UNIMPLEMENTED (a rolling deploy where the called service does not have the method yet), timeouts, I/O errors.
/// Unsure means transient: wrongly retried costs attempts, wrongly parked costs an operator's requeue.
/// </remarks>
public static class OutboxFailureClassifier
{
    /// <summary>True when retrying <paramref name="failure"/> cannot help.</summary>
    public static bool IsPermanent(Exception failure) => failure switch
    {
        PermanentOutboxFailureException => true,
        RpcException rpc => IsPermanent(rpc.StatusCode),
        InvalidProtocolBufferException => true,
        _ => false,
    };

    /// <summary>True for the status codes that report a problem with the request itself, not with the moment it was sent.</summary>
    public static bool IsPermanent(StatusCode code) => code is
        StatusCode.InvalidArgument
        or StatusCode.NotFound
        or StatusCode.AlreadyExists
        or StatusCode.PermissionDenied
        or StatusCode.FailedPrecondition
        or StatusCode.OutOfRange;
}
