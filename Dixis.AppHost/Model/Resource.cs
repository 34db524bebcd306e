using Dixis.AppHost.Health;

namespace Dixis.AppHost.Model;

/// <summary>
/// Something the AppHost runs: a .NET project or an engine such as Redis. Its endpoints and environment
/// are fixed when the platform is built, so they stay the same across restarts.
/// </summary>
public abstract class Resource(string name)
{
    private readonly List<ResourceEndpoint> _endpoints = [];
    private readonly List<Resource> _references = [];
    private readonly List<Resource> _endpointReferences = [];
    private readonly SortedDictionary<string, string> _environment = new(StringComparer.Ordinal);

    /// <summary>Unique name, also the service name in discovery and telemetry (<c>catalog</c>).</summary>
    public string Name { get; } = name;

    /// <summary>What kind of resource this is, as shown in the dashboard (<c>project</c>, <c>redis</c>, <c>mongodb</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Why the resource does not run (e.g. its executable is not installed); null when it runs.</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>Whether the AppHost starts this resource.</summary>
    public bool IsEnabled => SkipReason is null;

    /// <summary>The resource's endpoints (none when skipped).</summary>
    public IReadOnlyList<ResourceEndpoint> Endpoints => _endpoints;

    /// <summary>Resources this one references: it starts only once they are healthy.</summary>
    public IReadOnlyList<Resource> References => _references;

    /// <summary>Projects whose endpoints this one receives without waiting for them (calls back to a service that references it).</summary>
    public IReadOnlyList<Resource> EndpointReferences => _endpointReferences;

    /// <summary>The variables the AppHost sets for this resource (on top of the AppHost's own environment).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>Looks an endpoint up by name.</summary>
    public ResourceEndpoint? FindEndpoint(string endpointName) =>
        _endpoints.Find(e => string.Equals(e.Name, endpointName, StringComparison.Ordinal));

    internal void AddEndpoint(ResourceEndpoint endpoint) => _endpoints.Add(endpoint);

    internal void AddReference(Resource reference)
    {
        if (!_references.Contains(reference))
        {
            _references.Add(reference);
        }
    }

    internal void AddEndpointReference(Resource reference)
    {
        if (!_endpointReferences.Contains(reference))
        {
            _endpointReferences.Add(reference);
        }
    }

    internal void SetEnvironment(string key, string value) => _environment[key] = value;

    /// <summary>The endpoints the resource needs; called once when the platform is built.</summary>
    internal abstract IEnumerable<(string Name, string Scheme, string? KestrelProtocols)> DeclareEndpoints();

    /// <summary>How to start the process; called once the endpoints and environment are fixed.</summary>
    internal abstract LaunchSpec CreateLaunchSpec();

    /// <summary>How to tell that the running process is ready to serve.</summary>
    internal abstract IHealthProbe CreateHealthProbe(HttpClient http);
}
