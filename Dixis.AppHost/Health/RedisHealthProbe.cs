using StackExchange.Redis;

namespace Dixis.AppHost.Health;

/// <summary>Redis is ready when it answers PING. One connection, reused and re-established by the client library.</summary>
internal sealed class RedisHealthProbe(string connectionString) : IHealthProbe
{
    private ConnectionMultiplexer? _connection;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 1000;
            options.SyncTimeout = 1000;
            options.AsyncTimeout = 1000;
            _connection ??= await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            var latency = await _connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return ProbeResult.Healthy($"PING → PONG in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException e)
        {
            return ProbeResult.Unhealthy($"PING failed: {e.GetType().Name}");
        }
        catch (TimeoutException)
        {
            return ProbeResult.Unhealthy("PING timed out");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
