using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dixis.ServiceDefaults.Redis;

/// <summary>Readiness of the Redis connection: one PING, answered within the client's timeouts.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The endpoint is in the description, never the connection string: it may carry a password.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Redis did not answer PING ({exception.GetType().Name}).",
                exception);
        }
    }
}
