using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.Reflection;

namespace Dixis.Gateway.Descriptors;

/// <summary>
/// A public contract method as the gateway serves it: its descriptor, its access rule and the service that owns it.
/// Every gateway endpoint of such a method carries this as endpoint metadata, in all three protocols (the native gRPC
/// and gRPC-Web endpoint <c>/package.Service/Method</c> and each JSON route of its <c>google.api.http</c> rule), so
/// whatever must run before a call is forwarded (access rules, rate limits) reads
/// <c>httpContext.GetEndpoint()?.Metadata.GetMetadata&lt;GatewayMethod&gt;()</c> after routing, whichever protocol
/// the call came in. INTERNAL methods and unknown paths have none: they are never forwarded.
/// </summary>
public sealed class GatewayMethod
{
    public GatewayMethod(MethodDescriptor descriptor, string downstream)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(downstream);
        Descriptor = descriptor;
        Downstream = downstream;
        Path = PathOf(descriptor);
        Access = ContractDescriptors.AccessOf(descriptor);
        IsIdempotent = IdempotentRetryPolicy.IsIdempotent(descriptor);
    }

    /// <summary>The contract method.</summary>
    public MethodDescriptor Descriptor { get; }

    /// <summary>The gRPC path, <c>/package.Service/Method</c>, which is also the path it is forwarded to.</summary>
    public string Path { get; }

    /// <summary>The owning service's name in service discovery (<c>services__&lt;name&gt;__grpc__0</c>), e.g. <c>catalog</c>.</summary>
    public string Downstream { get; }

    /// <summary>Who may call it, as the contract declares.</summary>
    public AccessRule? Access { get; }

    /// <summary>Whether the contract declares it idempotent (<c>NO_SIDE_EFFECTS</c> or <c>IDEMPOTENT</c>), so that UNAVAILABLE may be retried.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Whether the method answers with exactly one message (unary and client streaming).</summary>
    public bool HasSingleResponse => !Descriptor.IsServerStreaming;

    /// <summary>Whether the caller sends exactly one message (unary and server streaming).</summary>
    public bool HasSingleRequest => !Descriptor.IsClientStreaming;

    public static string PathOf(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"/{method.Service.FullName}/{method.Name}";
    }

    public override string ToString() => Path;
}
