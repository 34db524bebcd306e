using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Dixis.ServiceDefaults.Redis;

/// <summary>
/// Opens the Redis connection right after start, off the start-up path, so that neither the first
/// request nor the first health probe pays for the connect timeout.
/// </summary>
internal sealed class RedisConnectionWarmup(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _ = services.GetRequiredService<IConnectionMultiplexer>();
    }
}
