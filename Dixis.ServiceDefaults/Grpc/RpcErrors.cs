using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.ServiceDefaults.Grpc;

/// <summary>
/// Errors in the rich gRPC error model (<c>google.rpc.Status</c> with details) that every service
/// raises the same way, so that the gateway can turn them into the same JSON in every protocol.
/// </summary>
public static class RpcErrors
{
    /// <summary>The <c>ErrorInfo.reason</c> of a malformed or out-of-range request field (common ErrorReason INVALID_FIELD).</summary>
    public const string InvalidFieldReason = "INVALID_FIELD";

    /// <summary>
    /// <c>INVALID_ARGUMENT</c> naming the offending field in a <c>google.rpc.BadRequest</c>, with an
    /// <c>ErrorInfo</c> of reason INVALID_FIELD in <paramref name="domain"/> (e.g. <c>dixis.catalog</c>).
    /// </summary>
    public static RpcException InvalidField(string domain, string field, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{field}: {description}",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = InvalidFieldReason, Domain = domain }),
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
                }),
            },
        };

        return status.ToRpcException();
    }
}
