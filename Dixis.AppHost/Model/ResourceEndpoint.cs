namespace Dixis.AppHost.Model;

/// <summary>
/// A named endpoint of a resource on a loopback port, e.g. the <c>grpc</c> endpoint of <c>catalog</c>.
/// Loopback only: the AppHost is a developer and test tool, nothing it starts is reachable from outside.
/// </summary>
/// <param name="Name">Endpoint name used in <c>services__&lt;service&gt;__&lt;endpoint&gt;__0</c> and Kestrel configuration.</param>
/// <param name="Scheme"><c>http</c> for Kestrel endpoints, <c>tcp</c> for engines such as Redis.</param>
/// <param name="Port">The loopback port.</param>
/// <param name="KestrelProtocols">Kestrel <c>Protocols</c> value (<c>Http1</c>, <c>Http2</c>); null for non-Kestrel endpoints.</param>
public sealed record ResourceEndpoint(string Name, string Scheme, int Port, string? KestrelProtocols)
{
    /// <summary>The host every endpoint binds to.</summary>
    public const string LoopbackHost = "127.0.0.1";

    /// <summary>The endpoint's URL, e.g. <c>http://127.0.0.1:5111</c>.</summary>
    public Uri Url => new($"{Scheme}://{LoopbackHost}:{Port}");
}
