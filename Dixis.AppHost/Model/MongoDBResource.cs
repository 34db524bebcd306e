using System.Globalization;
using Dixis.AppHost.Health;

namespace Dixis.AppHost.Model;

/// <summary>
/// A <c>mongod</c> from the PATH as a one-node replica set: transactions and change streams need a
/// replica set, and the services are written for one. The set is initiated by the health probe on first contact.
/// </summary>
public sealed class MongoDBResource(string name, string executable, string dataDirectory) : Resource(name), IResourceWithConnectionString
{
    /// <summary>The single endpoint's name.</summary>
    public const string TcpEndpointName = "tcp";

    /// <summary>The replica set's name.</summary>
    public const string ReplicaSetName = "rs0";

    /// <inheritdoc />
    public override string Kind => "mongodb";

    /// <summary>Where mongod keeps its files (<c>&lt;data directory&gt;/mongo</c>).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The connection string, e.g. <c>mongodb://127.0.0.1:27017/?replicaSet=rs0</c>.</summary>
    public string ConnectionString => $"mongodb://{HostAndPort}/?replicaSet={ReplicaSetName}";

    /// <summary><c>127.0.0.1:port</c>, also the replica set member's host.</summary>
    public string HostAndPort => $"{ResourceEndpoint.LoopbackHost}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private int Port => FindEndpoint(TcpEndpointName)?.Port
        ?? throw new InvalidOperationException($"Resource '{Name}' has no endpoint yet; build the platform first.");

    internal override IEnumerable<(string Name, string Scheme, string? KestrelProtocols)> DeclareEndpoints() =>
        [(TcpEndpointName, "tcp", null)];

    internal override LaunchSpec CreateLaunchSpec()
    {
        Directory.CreateDirectory(DataDirectory);
        return new(
            executable,
            [
                "--replSet", ReplicaSetName,
                "--bind_ip", ResourceEndpoint.LoopbackHost,
                "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--dbpath", DataDirectory,
            ],
            DataDirectory);
    }

    internal override IHealthProbe CreateHealthProbe(HttpClient http) => new MongoReplicaSetProbe(HostAndPort, ReplicaSetName);
}
