using System.Net;
using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Forwarding;
using Dixis.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// Native gRPC (HTTP/2, <c>application/grpc</c>) to a public contract method: forwards the HTTP/2 request to the
/// owning service and streams its response body and trailers back, bytes as they are, with no protobuf decoding or
/// encoding. Everything else (gRPC-Web, JSON, health, reflection, INTERNAL and unknown methods) goes on to the
/// endpoints. It runs after routing, so it knows the call's <see cref="GatewayMethod"/>, and after whatever the
/// pipeline places before it (access rules), which therefore applies to this path too. Like the typed clients, it
/// retries idempotent methods while the service cannot be connected to (<c>Grpc:Client</c> attempts and back-off).
/// </summary>
public sealed class GrpcPassThroughMiddleware(
    RequestDelegate next,
    IHttpForwarder forwarder,
    DownstreamInvokers downstreams,
    IOptions<GrpcClientDefaultsOptions> clientDefaults,
    IOptions<GrpcServerDefaultsOptions> serverDefaults,
    TimeProvider timeProvider,
    ILogger<GrpcPassThroughMiddleware> logger)
{
    /// <summary>The longest timer a CancellationTokenSource accepts; a deadline further away is as good as none.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        // The call's deadline bounds it; an idle limit would end a quiet stream that still has time left.
        ActivityTimeout = LongestTimer,
        AllowResponseBuffering = false,
    };

    private readonly GrpcClientDefaultsOptions client = clientDefaults.Value;
    private readonly int maxMessageSize = serverDefaults.Value.MaxReceiveMessageSize;

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GatewayMethod>();
        return method is not null && IsNativeGrpc(context.Request, method) ? ForwardAsync(context, method) : next(context);
    }

    /// <summary>
    /// gRPC over HTTP/2 on the method's own path. gRPC-Web (<c>application/grpc-web*</c>) and JSON routes of the same
    /// method are not: they need the typed forwarders, which decode the messages.
    /// </summary>
    private static bool IsNativeGrpc(HttpRequest request, GatewayMethod method)
    {
        const string grpc = "application/grpc";
        var contentType = request.ContentType;
        return (HttpProtocol.IsHttp2(request.Protocol) || HttpProtocol.IsHttp3(request.Protocol))
            && contentType is not null
            && contentType.StartsWith(grpc, StringComparison.OrdinalIgnoreCase)
            && (contentType.Length == grpc.Length || contentType[grpc.Length] is '+' or ';')
            && string.Equals(request.Path.Value, method.Path, StringComparison.Ordinal);
    }

    private async Task ForwardAsync(HttpContext context, GatewayMethod method)
    {
        var startedAt = timeProvider.GetTimestamp();
        var timeout = GrpcTimeout.TryParse(context.Request.Headers.GrpcTimeout, out var requested) ? requested : client.DefaultDeadline;
        if (timeout <= TimeSpan.Zero)
        {
            GrpcStatusResponse.WriteTrailersOnly(context.Response, StatusCode.DeadlineExceeded, "Deadline Exceeded");
            return;
        }

        using var deadline = new CancellationTokenSource(timeout < LongestTimer ? timeout : LongestTimer, timeProvider);
        var request = context.Request;

        // The message limit below replaces the request body limit, as Grpc.AspNetCore does for gRPC calls. The
        // feature goes once the limit is lifted: the forwarder would try again after the body has been looked at,
        // fail because reading has begun, and log a warning on every call.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(null);
        }

        GrpcRequestSizeLimit.Guard? guard = null;
        try
        {
            if (method.HasSingleRequest)
            {
                // A caller that goes away fails this read; a caller that never sends its message meets the deadline.
                if (!await GrpcRequestSizeLimit.FirstMessageFitsAsync(request.BodyReader, maxMessageSize, deadline.Token).ConfigureAwait(false))
                {
                    GrpcStatusResponse.WriteTrailersOnly(context.Response, StatusCode.ResourceExhausted, GrpcRequestSizeLimit.ExceededMessage);
                    return;
                }

                // The forwarder reads Request.Body; where that is not already a view of the body pipe (test hosts),
                // the bytes just looked at would be lost to it.
                request.Body = request.BodyReader.AsStream(leaveOpen: true);
            }
            else
            {
                guard = new GrpcRequestSizeLimit.Guard(request.Body, maxMessageSize);
                request.Body = guard;
            }
        }
        catch (Exception readFailure) when (readFailure is OperationCanceledException or IOException)
        {
            AnswerCancelled(context, deadline);
            return;
        }

        if (method.HasSingleResponse && context.Features.Get<IHttpResponseBodyFeature>() is { } responseBody)
        {
            context.Features.Set<IHttpResponseBodyFeature>(new SingleMessageResponseBody(responseBody));
        }

        var downstream = downstreams.For(method.Downstream);
        var transformer = new PassThroughTransformer(method, timeout, startedAt, timeProvider, logger);
        var backoff = client.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var error = await forwarder.SendAsync(context, downstream.Prefix, downstream.Invoker, RequestConfig, transformer, deadline.Token)
                .ConfigureAwait(false);
            if (error == ForwarderError.None)
            {
                return;
            }

            if (attempt >= client.MaxAttempts || !method.IsIdempotent || !NeverReachedTheService(context)
                || deadline.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
            {
                AnswerFailure(context, method, error, deadline, guard);
                return;
            }

            // As the typed clients' retry policy does: a random pause up to the current back-off, which then grows.
            context.Response.Clear();
            context.Features.Set<IForwarderErrorFeature>(null);
            try
            {
                await Task.Delay(backoff * Random.Shared.NextDouble(), timeProvider, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                AnswerCancelled(context, deadline);
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min((long)(backoff.Ticks * client.BackoffMultiplier), client.MaxBackoff.Ticks));
        }
    }

    /// <summary>
    /// Whether the call failed before a connection to the service existed (refused, name not resolved): then not
    /// one byte of it was sent, the request body is still unread, and sending it again cannot do anything twice.
    /// </summary>
    private static bool NeverReachedTheService(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is
        {
            Error: ForwarderError.Request,
            Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError },
        };

    /// <summary>
    /// The call failed in the gateway rather than in the service: answer in gRPC's terms, unless the answer has
    /// already begun (the forwarder then resets the stream) or the caller is gone.
    /// </summary>
    private void AnswerFailure(HttpContext context, GatewayMethod method, ForwarderError error, CancellationTokenSource deadline, GrpcRequestSizeLimit.Guard? guard)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (guard is { Exceeded: true })
        {
            GrpcStatusResponse.WriteTrailersOnly(context.Response, StatusCode.ResourceExhausted, GrpcRequestSizeLimit.ExceededMessage);
            return;
        }

        if (deadline.IsCancellationRequested)
        {
            AnswerCancelled(context, deadline);
            return;
        }

        // The gateway's own client failed (connection refused, name not resolved, connection lost): the code says
        // what happened, the exception, which names internal addresses, goes to the log only.
        var code = error is ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.RequestTimedOut
            or ForwarderError.RequestBodyDestination or ForwarderError.NoAvailableDestinations
            ? StatusCode.Unavailable
            : StatusCode.Internal;
        var cause = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        GatewayLog.DownstreamUnreachable(logger, method.Path, code, cause ?? new InvalidOperationException(error.ToString()));
        GrpcStatusResponse.WriteTrailersOnly(context.Response, code, ClientSideFailure.Message(method.Path, code));
    }

    private static void AnswerCancelled(HttpContext context, CancellationTokenSource deadline)
    {
        if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            GrpcStatusResponse.WriteTrailersOnly(context.Response, StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
    }
}
