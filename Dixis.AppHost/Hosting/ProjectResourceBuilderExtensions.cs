using Dixis.AppHost.Model;

namespace Dixis.AppHost.Hosting;

/// <summary>What only project resources can be told.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>The gateway's well-known ports (docs/architecture.md), used when free and wanted.</summary>
    public const int WellKnownHttpPort = 8080;

    /// <summary>The gateway's well-known native gRPC port.</summary>
    public const int WellKnownGrpcPort = 8081;

    /// <summary>
    /// Marks the project as the public entry: its URLs are printed as the platform's URLs and, in interactive
    /// runs, it gets the well-known ports 8080 (http: JSON, gRPC-Web) and 8081 (native gRPC) when they are free.
    /// </summary>
    public static ResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this ResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.HasExternalHttpEndpoints = true;
        builder.Resource.PreferredPorts[ProjectResource.HttpEndpointName] = WellKnownHttpPort;
        builder.Resource.PreferredPorts[ProjectResource.GrpcEndpointName] = WellKnownGrpcPort;
        return builder;
    }
}
