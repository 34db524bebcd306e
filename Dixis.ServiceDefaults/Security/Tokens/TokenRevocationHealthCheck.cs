using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dixis.ServiceDefaults.Security.Tokens;

/// <summary>
/// Degraded while the revocation list has not been read from the Auth service for several intervals: calls are still
/// served, but a token revoked meanwhile stays usable until it expires, which operators must see. Healthy where
/// revocations are answered locally (the Auth service itself).
/// </summary>
public sealed class TokenRevocationHealthCheck(ITokenRevocations revocations, IOptions<AccessTokenOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>Missed reads tolerated before the check says so (one slow answer is not an outage).</summary>
    private const int MissedReads = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (revocations is not TokenRevocationFeed feed)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Revocations are answered by this service."));
        }

        var tolerance = options.Value.RevocationsRefreshInterval * MissedReads;
        var lastRead = feed.LastReadTime;
        var now = timeProvider.GetUtcNow();
        return Task.FromResult(lastRead is { } read && now - read <= tolerance
            ? HealthCheckResult.Healthy($"The revocation list was read {(now - read).TotalSeconds:0.0} s ago.")
            : HealthCheckResult.Degraded(lastRead is null
                ? "The revocation list has not been read from the Auth service yet: tokens revoked meanwhile are accepted until they expire."
                : $"The revocation list has not been read from the Auth service for {(now - lastRead.Value).TotalSeconds:0} s: tokens revoked since are accepted until they expire."));
    }
}
