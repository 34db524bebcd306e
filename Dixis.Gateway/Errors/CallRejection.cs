using System.Globalization;
using Google.Protobuf;
using Grpc.Core;

namespace Dixis.Gateway.Errors;

/// <summary>
/// The gateway's own refusal of a call it will not forward (no or bad token, missing role, over the rate limit),
/// written in the protocol the call came in: a trailers-only gRPC response for native gRPC and gRPC-Web (status,
/// message and the rich details in <c>grpc-status-details-bin</c>), an HTTP status with a <c>google.rpc.Status</c>
/// body for JSON. A client therefore reads a refusal exactly as it reads the same error raised by a service.
/// </summary>
public sealed class CallRejection(StatusJsonWriter jsonWriter)
{
    /// <summary>
    /// Refuses the call with <paramref name="status"/>. <paramref name="headers"/> (e.g. <c>Retry-After</c>) go on the
    /// HTTP response in every protocol.
    /// </summary>
    public Task WriteAsync(HttpContext httpContext, Google.Rpc.Status status, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(status);
        var response = httpContext.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.Clear();
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers[name] = value;
        }

        if (!IsGrpc(httpContext.Request.ContentType))
        {
            return jsonWriter.WriteAsync(httpContext, HttpStatusOf((StatusCode)status.Code), status);
        }

        // Trailers-only: HTTP 200 whose headers are the call's status, as a gRPC server answers a call that fails
        // before any message; gRPC-Web clients read the same headers.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = httpContext.Request.ContentType;
        response.Headers.GrpcStatus = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers.GrpcMessage = PassThrough.GrpcStatusResponse.PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }

    /// <summary>
    /// The HTTP status JSON transcoding gives a gRPC code (google/rpc/code.proto), so the gateway's own errors and a
    /// service's errors map alike.
    /// </summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary><c>application/grpc</c>, <c>application/grpc+proto</c>, <c>application/grpc-web</c>, <c>application/grpc-web-text</c>…</summary>
    private static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
