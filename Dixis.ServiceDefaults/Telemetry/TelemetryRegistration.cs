using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dixis.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry traces, metrics and logs, OTLP export and the Prometheus scraping endpoint.</summary>
internal static class TelemetryRegistration
{
    /// <summary>Every Dixis library names its ActivitySource and Meter under this prefix.</summary>
    private const string DixisSources = "Dixis.*";

    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ServiceNameKey = "OTEL_SERVICE_NAME";

    public static void AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            // Log collectors parse one JSON object per line; humans read the simple format in Development.
            builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry();

        if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameKey]))
        {
            // OTEL_SERVICE_NAME (set by the AppHost) wins through the environment resource detector.
            telemetry.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));
        }

        telemetry.WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Grpc.AspNetCore.Server", "Grpc.Net.Client", DixisSources)
            .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            // Spans are recorded only when something collects them: with no exporter every request would
            // still pay for building activities nobody reads (it cost the gateway hop a measurable share).
            telemetry.WithTracing(tracing => tracing
                .AddSource(DixisSources)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());
            telemetry.UseOtlpExporter();
        }
    }

    public static void MapDefaultTelemetryEndpoints(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");

    /// <summary>Probes and scrapes run every few seconds; tracing them would drown the real requests.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/metrics");
}
