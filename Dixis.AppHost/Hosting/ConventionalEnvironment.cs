using System.Globalization;
using System.Security.Cryptography;
using Dixis.AppHost.Model;

namespace Dixis.AppHost.Hosting;

/// <summary>
/// The variables a project gets, following Aspire's conventions exactly (design brief §2), so that every
/// service would run unchanged under a real Aspire AppHost or in Kubernetes.
/// </summary>
internal static class ConventionalEnvironment
{
    /// <summary>Variables of the AppHost's own environment that are passed on when present (telemetry export).</summary>
    private static readonly string[] PassedThrough = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"];

    /// <summary>Sets the conventional variables on <paramref name="project"/>; endpoints of every resource must be allocated.</summary>
    public static void Apply(ProjectResource project, PlatformOptions options, string dataDirectory, int appHostProcessId)
    {
        project.SetEnvironment("ASPNETCORE_ENVIRONMENT", options.EnvironmentName);
        project.SetEnvironment("DOTNET_ENVIRONMENT", options.EnvironmentName);

        foreach (var endpoint in project.Endpoints)
        {
            project.SetEnvironment($"Kestrel__Endpoints__{endpoint.Name}__Url", endpoint.Url.ToString().TrimEnd('/'));
            project.SetEnvironment($"Kestrel__Endpoints__{endpoint.Name}__Protocols", endpoint.KestrelProtocols ?? "Http1");
        }

        project.SetEnvironment("OTEL_SERVICE_NAME", project.Name);
        project.SetEnvironment("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={project.Name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        foreach (var key in PassedThrough)
        {
            if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } value)
            {
                project.SetEnvironment(key, value);
            }
        }

        project.SetEnvironment("Persistence__DataDirectory", dataDirectory);
        project.SetEnvironment("DIXIS_APPHOST_PID", appHostProcessId.ToString(CultureInfo.InvariantCulture));

        foreach (var reference in project.References.Where(r => r.IsEnabled))
        {
            if (reference is IResourceWithConnectionString withConnectionString)
            {
                project.SetEnvironment($"ConnectionStrings__{reference.Name}", withConnectionString.ConnectionString);
            }

            if (reference is ProjectResource)
            {
                SetEndpoints(project, reference);
            }
        }

        foreach (var reference in project.EndpointReferences.Where(r => r.IsEnabled))
        {
            SetEndpoints(project, reference);
        }
    }

    private static void SetEndpoints(ProjectResource project, Resource reference)
    {
        foreach (var endpoint in reference.Endpoints)
        {
            project.SetEnvironment($"services__{reference.Name}__{endpoint.Name}__0", endpoint.Url.ToString().TrimEnd('/'));
        }
    }
}
