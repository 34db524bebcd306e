using Dixis.ServiceDefaults.Discovery;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Health;
using Dixis.ServiceDefaults.Lifetime;
using Dixis.ServiceDefaults.Redis;
using Dixis.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Same namespace as Aspire's ServiceDefaults so that a service's Program.cs needs no using directive.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Dixis service does the same way: telemetry, health, service discovery, gRPC server
/// defaults, Redis, and the AppHost lifetime watcher.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Registers the shared defaults; call it first in a service's Program.cs.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddDefaultTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultServiceDiscovery();
        builder.AddDefaultGrpcServer();
        builder.AddRedisWhenConfigured();
        builder.AddLifetimeDefaults();

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness), <c>/alive</c> (liveness), <c>/metrics</c> (Prometheus),
    /// <c>grpc.health.v1</c> and, where enabled, gRPC server reflection.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapDefaultHealthEndpoints();
        app.MapDefaultTelemetryEndpoints();
        app.MapDefaultGrpcEndpoints();

        return app;
    }
}
