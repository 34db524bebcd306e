using Dixis.AppHost.Health;

namespace Dixis.AppHost.Model;

/// <summary>
/// A .NET project of this repository, run from its already-built output (<c>dotnet bin/…/X.dll</c>) so
/// that nothing is built twice. It listens on two Kestrel endpoints: <c>grpc</c> (HTTP/2) and <c>http</c> (HTTP/1.1).
/// </summary>
public sealed class ProjectResource(string name, string projectDirectory, string assemblyPath, string dotnetHost) : Resource(name)
{
    /// <summary>The endpoint serving gRPC and <c>grpc.health.v1</c> (cleartext HTTP/2).</summary>
    public const string GrpcEndpointName = "grpc";

    /// <summary>The endpoint serving <c>/health</c>, <c>/alive</c>, <c>/metrics</c> (HTTP/1.1).</summary>
    public const string HttpEndpointName = "http";

    /// <inheritdoc />
    public override string Kind => "project";

    /// <summary>The project's folder (absolute); the process's working directory.</summary>
    public string ProjectDirectory { get; } = projectDirectory;

    /// <summary>The built assembly that is run (absolute).</summary>
    public string AssemblyPath { get; } = assemblyPath;

    /// <summary>Whether the endpoints are meant to be reached from outside the mesh (the gateway).</summary>
    public bool HasExternalHttpEndpoints { get; internal set; }

    /// <summary>Ports wished for the endpoints when free (the gateway's well-known 8080/8081).</summary>
    internal Dictionary<string, int> PreferredPorts { get; } = new(StringComparer.Ordinal);

    internal override IEnumerable<(string Name, string Scheme, string? KestrelProtocols)> DeclareEndpoints() =>
    [
        (HttpEndpointName, "http", "Http1"),
        (GrpcEndpointName, "http", "Http2"),
    ];

    internal override LaunchSpec CreateLaunchSpec() => new(dotnetHost, [AssemblyPath], ProjectDirectory);

    internal override IHealthProbe CreateHealthProbe(HttpClient http) =>
        new HttpHealthProbe(http, new Uri(FindEndpoint(HttpEndpointName)!.Url, "/health"));
}
