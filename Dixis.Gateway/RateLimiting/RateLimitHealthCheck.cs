using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dixis.Gateway.RateLimiting;

/// <summary>
/// Readiness of the shared rate limits. Per-instance limits are Degraded, not Unhealthy: the gateway keeps serving
/// and keeps limiting, only each replica counts on its own (N replicas let through up to N times a limit).
/// </summary>
public sealed class RateLimitHealthCheck(FallbackRateLimiter limiter, IOptions<RateLimitOptions> options) : IHealthCheck
{
    public const string Name = "rate-limits";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !options.Value.Enabled ? HealthCheckResult.Healthy("Rate limits are disabled (Gateway:RateLimits:Enabled).")
            : !limiter.IsSharedConfigured ? HealthCheckResult.Degraded("Redis not configured (ConnectionStrings:cache): per-instance limits.")
            : limiter.UsesSharedLimits ? HealthCheckResult.Healthy("Shared limits in Redis.")
            : HealthCheckResult.Degraded("Redis unreachable: per-instance limits."));
}
