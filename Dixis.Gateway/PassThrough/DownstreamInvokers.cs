using System.Collections.Frozen;
using Dixis.Gateway.Descriptors;

namespace Dixis.Gateway.PassThrough;

/// <summary>
/// One <see cref="HttpMessageInvoker"/> per owning service for the pass-through, each over the handler chain the
/// HTTP client factory builds for <see cref="PassThroughRegistration.ClientName"/> (service discovery resolving
/// <c>http://_grpc.&lt;name&gt;</c> from <c>services__&lt;name&gt;__grpc__0</c>, then a SocketsHttpHandler speaking
/// HTTP/2). The handlers never rotate: DNS and endpoint changes are picked up by service discovery and by the
/// handler's pooled connection lifetime, so one invoker can serve every call.
/// </summary>
public sealed class DownstreamInvokers
{
    private readonly FrozenDictionary<string, Downstream> byName;

    public DownstreamInvokers(IHttpMessageHandlerFactory handlers, IEnumerable<DownstreamService> downstreams)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(downstreams);
        byName = downstreams
            .Select(downstream => downstream.Name)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                name => name,
                name => new Downstream(
                    $"http://_grpc.{name}",
                    new HttpMessageInvoker(handlers.CreateHandler(PassThroughRegistration.ClientName(name)), disposeHandler: false)),
                StringComparer.Ordinal);
    }

    /// <summary>The invoker and logical address of a service registered with the gateway's downstream clients.</summary>
    public Downstream For(string name) => byName[name];

    /// <param name="Prefix">The logical address the forwarder prefixes the gRPC path with, e.g. <c>http://_grpc.catalog</c>.</param>
    /// <param name="Invoker">The service's HTTP/2 client.</param>
    public sealed record Downstream(string Prefix, HttpMessageInvoker Invoker);
}
