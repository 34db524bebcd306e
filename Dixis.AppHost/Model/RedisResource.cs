using System.Globalization;
using Dixis.AppHost.Health;

namespace Dixis.AppHost.Model;

/// <summary>
/// A <c>redis-server</c> from the PATH, as a cache without persistence (what the services use it for).
/// </summary>
public sealed class RedisResource(string name, string executable) : Resource(name), IResourceWithConnectionString
{
    /// <summary>The single endpoint's name.</summary>
    public const string TcpEndpointName = "tcp";

    /// <inheritdoc />
    public override string Kind => "redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string ConnectionString => $"{ResourceEndpoint.LoopbackHost}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private int Port => FindEndpoint(TcpEndpointName)?.Port
        ?? throw new InvalidOperationException($"Resource '{Name}' has no endpoint yet; build the platform first.");

    internal override IEnumerable<(string Name, string Scheme, string? KestrelProtocols)> DeclareEndpoints() =>
        [(TcpEndpointName, "tcp", null)];

    internal override LaunchSpec CreateLaunchSpec() => new(
        executable,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", ResourceEndpoint.LoopbackHost,
            // A cache: nothing to persist, and no dump.rdb left in the working directory.
            "--save", "",
            "--appendonly", "no",
        ],
        Path.GetTempPath());

    internal override IHealthProbe CreateHealthProbe(HttpClient http) => new RedisHealthProbe(ConnectionString);
}
