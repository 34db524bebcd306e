using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Dixis.ServiceDefaults.Health;

/// <summary>The <c>self</c> liveness check, <c>/health</c>, <c>/alive</c> and <c>grpc.health.v1</c>.</summary>
internal static class HealthRegistration
{
    private const string SelfCheckName = "self";

    public static void AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck(SelfCheckName, () => HealthCheckResult.Healthy("The process answers."), [HealthCheckTags.Live]);

        // grpc.health.v1 answers for service "" with the same readiness checks as /health,
        // computed on demand so that Kubernetes probes and /health never disagree. "self" is
        // included (it is always healthy) because with no check at all the answer would be UNKNOWN.
        builder.Services.AddGrpcHealthChecks(grpcHealth =>
        {
            grpcHealth.UseHealthChecksCache = false;
            grpcHealth.Services.Clear();
            grpcHealth.Services.Map(
                string.Empty,
                check => check.Tags.Contains(HealthCheckTags.Ready) || check.Name == SelfCheckName);
        });
    }

    /// <summary>Mapped in every environment: the AppHost and Kubernetes probe them in production too.</summary>
    public static void MapDefaultHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Ready),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        });
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        });
        app.MapGrpcHealthChecksService();
    }
}
