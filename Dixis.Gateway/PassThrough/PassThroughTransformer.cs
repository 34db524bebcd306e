using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Forwarding;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// What crosses the gateway with one passed-through call: request headers and response headers and trailers under
/// the <see cref="MetadataRelay"/> policy, <c>te: trailers</c>, and the call's remaining deadline as <c>grpc-timeout</c>.
/// One instance per call, because it carries that call's deadline.
/// </summary>
internal sealed class PassThroughTransformer(
    GatewayMethod method,
    TimeSpan timeout,
    long startedAt,
    TimeProvider timeProvider,
    ILogger logger) : HttpTransformer
{
    public override ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in httpContext.Request.Headers)
        {
            if (MetadataRelay.RelaysPassThroughRequestHeader(key))
            {
                AddHeader(proxyRequest, key, value);
            }
        }

        proxyRequest.Headers.TryAddWithoutValidation("te", "trailers");

        // What is left of the deadline when the call leaves, not what the caller asked for when it arrived.
        var remaining = timeout - timeProvider.GetElapsedTime(startedAt);
        proxyRequest.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1)));
        return ValueTask.CompletedTask;
    }

    public override ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is null)
        {
            return ValueTask.FromResult(false);
        }

        var headers = httpContext.Response.Headers;
        Copy(proxyResponse.Headers, headers);
        Copy(proxyResponse.Content.Headers, headers);
        LogDownstreamStatus(headers);
        return ValueTask.FromResult(true);
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
    {
        if (httpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
        {
            Copy(proxyResponse.TrailingHeaders, trailers);
            LogDownstreamStatus(trailers);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Request headers go on the message, content headers (content-type) on its content.</summary>
    private static void AddHeader(HttpRequestMessage request, string key, StringValues value)
    {
        var added = value.Count == 1
            ? request.Headers.TryAddWithoutValidation(key, value.ToString())
            : request.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)value);
        if (!added && request.Content is { } content)
        {
            _ = value.Count == 1
                ? content.Headers.TryAddWithoutValidation(key, value.ToString())
                : content.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)value);
        }
    }

    private static void Copy(System.Net.Http.Headers.HttpHeaders source, IHeaderDictionary destination)
    {
        foreach (var (key, values) in source.NonValidated)
        {
            if (MetadataRelay.RelaysPassThroughResponseHeader(key))
            {
                destination[key] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
            }
        }
    }

    /// <summary>A service's own error is the caller's answer, relayed as it is; the gateway notes it at Debug level, as the typed forwarders do.</summary>
    private void LogDownstreamStatus(IHeaderDictionary headers)
    {
        var status = headers.GrpcStatus;
        if (status.Count == 1 && status.ToString() is { } code && code != "0" && int.TryParse(code, out var value))
        {
            GatewayLog.DownstreamFailed(logger, method.Path, (StatusCode)value);
        }
    }
}
