using Dixis.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dixis.ServiceDefaults.Redis;

/// <summary>A shared Redis connection and its health check, when <c>ConnectionStrings:cache</c> is set.</summary>
internal static class RedisRegistration
{
    public const string ConnectionName = "cache";

    public static void AddRedisWhenConfigured(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        builder.Services.AddOptions<RedisOptions>()
            .Bind(builder.Configuration.GetSection(RedisOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
            Connect(connectionString, services.GetRequiredService<IOptions<RedisOptions>>().Value));
        builder.Services.AddHostedService<RedisConnectionWarmup>();

        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            "redis",
            failureStatus: null,
            tags: [HealthCheckTags.Ready],
            timeout: TimeSpan.FromSeconds(2));
    }

    private static ConnectionMultiplexer Connect(string connectionString, RedisOptions options)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);

        // Never fail start-up when Redis is down: the service runs, reports redis unhealthy, and
        // the multiplexer keeps reconnecting in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)options.SyncTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = (int)options.AsyncTimeout.TotalMilliseconds;

        return ConnectionMultiplexer.Connect(configuration);
    }
}
