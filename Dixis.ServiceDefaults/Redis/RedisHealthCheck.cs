using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dixis.ServiceDefaults.Redis;

/// <summary>Readiness of the Redis connection: one PING, answered within the client's timeouts.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.IsConnected)
        {
            // Answer at once: a PING on a disconnected multiplexer would wait for the full timeout.
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected; reconnecting in the background.");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The exception type only, never the connection string: it may carry a password.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Redis did not answer PING ({exception.GetType().Name}).",
                exception);
        }
    }
}
