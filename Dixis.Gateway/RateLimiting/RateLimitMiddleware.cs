using System.Globalization;
using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// Refuses a call over its rate limits before it is forwarded, in the caller's protocol: RESOURCE_EXHAUSTED with
/// <c>RetryInfo</c> and <c>ErrorInfo</c> (reason <c>RATE_LIMITED</c>, domain <c>dixis.gateway</c>, metadata
/// <c>limit</c>) for gRPC and gRPC-Web, HTTP 429 with the same <c>google.rpc.Status</c> for JSON, and
/// <c>Retry-After</c> in whole seconds on the HTTP response in every protocol. Only public contract methods (those
/// with a <see cref="GatewayMethod"/>) are limited: health, metrics, OpenAPI and unknown routes reach nothing behind
/// the gateway, and probes must never be refused.
/// </summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next,
    RateLimitBucketSelector selector,
    IRateLimiter limiter,
    CallRejection rejection,
    ILogger<RateLimitMiddleware> logger)
{
    public const string Domain = "dixis.gateway";
    public const string Reason = "RATE_LIMITED";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GatewayMethod>();
        return method is null ? next(context) : LimitAsync(context, method);
    }

    private async Task LimitAsync(HttpContext context, GatewayMethod method)
    {
        var decision = await limiter.AcquireAsync(selector.Select(context, method), context.RequestAborted).ConfigureAwait(false);
        if (decision.IsAllowed)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        RateLimitLog.CallRefused(logger, method.Path, decision.Limit ?? string.Empty, decision.RetryAfter);
        var seconds = RetryAfterSeconds(decision.RetryAfter);
        await rejection.WriteAsync(context, Refusal(decision, seconds), [new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))])
            .ConfigureAwait(false);
    }

    /// <summary>Whole seconds, rounded up (a client that waits exactly that long passes), at least one.</summary>
    public static long RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    private static Google.Rpc.Status Refusal(RateLimitDecision decision, long seconds) => new()
    {
        Code = (int)Code.ResourceExhausted,
        Message = $"Too many requests ({decision.Limit} rate limit); retry in {seconds} s.",
        Details =
        {
            Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(decision.RetryAfter) }),
            Any.Pack(new ErrorInfo { Reason = Reason, Domain = Domain, Metadata = { ["limit"] = decision.Limit ?? string.Empty } }),
        },
    };
}
