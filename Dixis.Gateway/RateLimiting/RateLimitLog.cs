namespace Dixis.Gateway.RateLimiting;

/// <summary>Source-generated log messages of rate limiting; the shared/per-instance transitions are logged once each.</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Redis unreachable ({Reason}): rate limits are per gateway instance until it answers again")]
    public static partial void SharedLimitsUnavailable(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Redis answers again: rate limits are shared by the gateway instances")]
    public static partial void SharedLimitsResumed(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Redis is not configured (ConnectionStrings:cache): rate limits are per gateway instance")]
    public static partial void SharedLimitsNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "In-memory rate limits track {MaxKeys} identities; new identities share one cell per limit until idle ones expire")]
    public static partial void InMemoryKeysExhausted(ILogger logger, int maxKeys);

    [LoggerMessage(EventId = 24, Level = LogLevel.Debug, Message = "Call {Method} refused by the {Limit} rate limit; retry after {RetryAfter}")]
    public static partial void CallRefused(ILogger logger, string method, string limit, TimeSpan retryAfter);
}
