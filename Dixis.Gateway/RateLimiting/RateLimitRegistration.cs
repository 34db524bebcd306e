using Dixis.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dixis.Gateway.RateLimiting;

/// <summary>Rate limiting's services and its place in the pipeline.</summary>
public static class RateLimitRegistration
{
    /// <summary>The readiness check the service defaults register for <c>ConnectionStrings:cache</c>.</summary>
    private const string RedisHealthCheckName = "redis";

    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        services.AddSingleton(provider => new RedisGcraLimiter(provider.GetService<IConnectionMultiplexer>()));
        services.AddSingleton<InMemoryGcraLimiter>();
        services.AddSingleton<FallbackRateLimiter>();
        services.AddSingleton<IRateLimiter>(provider => provider.GetRequiredService<FallbackRateLimiter>());
        services.AddSingleton<RateLimitBucketSelector>();

        services.AddHealthChecks().AddCheck<RateLimitHealthCheck>(RateLimitHealthCheck.Name, tags: [HealthCheckTags.Ready]);

        // The gateway uses Redis for shared rate limits only, and limits in memory without it: an outage degrades
        // the gateway, it must not take every replica out of service (an Unhealthy check makes /health answer 503).
        services.PostConfigure<HealthCheckServiceOptions>(health =>
        {
            foreach (var registration in health.Registrations.Where(registration => registration.Name == RedisHealthCheckName))
            {
                registration.FailureStatus = HealthStatus.Degraded;
            }
        });
        return builder;
    }

    /// <summary>After routing (the call's <c>GatewayMethod</c> is known) and authentication (the caller is), before forwarding.</summary>
    public static IApplicationBuilder UseGatewayRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled
            ? app.UseMiddleware<RateLimitMiddleware>()
            : app;
    }
}
