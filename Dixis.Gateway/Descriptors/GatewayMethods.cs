using System.Collections.Frozen;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Dixis.Gateway.Descriptors;

/// <summary>Every public contract method the gateway forwards, by gRPC path; built once from the contracts and the downstream registrations.</summary>
public sealed class GatewayMethods
{
    private readonly FrozenDictionary<string, GatewayMethod> byPath;

    public GatewayMethods(ContractDescriptors contracts, IEnumerable<DownstreamService> downstreams)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(downstreams);

        var owners = downstreams.ToDictionary(d => d.ContractService, d => d.Name, StringComparer.Ordinal);
        byPath = contracts.Services
            .Where(service => owners.ContainsKey(service.FullName))
            .SelectMany(service => service.Methods)
            .Where(ContractDescriptors.IsPublic)
            .Select(method => new GatewayMethod(method, owners[method.Service.FullName]))
            .ToFrozenDictionary(method => method.Path, StringComparer.Ordinal);
    }

    /// <summary>Every forwarded method.</summary>
    public IReadOnlyCollection<GatewayMethod> All => byPath.Values;

    /// <summary>The forwarded method at a gRPC path (<c>/package.Service/Method</c>), or null for INTERNAL and unknown methods.</summary>
    public GatewayMethod? Find(string path) => byPath.GetValueOrDefault(path);

    /// <summary>
    /// Endpoint convention: gives every endpoint Grpc.AspNetCore and JSON transcoding create for a forwarder its
    /// <see cref="GatewayMethod"/>, when the method is public.
    /// </summary>
    public static void Attach(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        var path = endpoint.Metadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is { } transcoding
            ? GatewayMethod.PathOf(transcoding.MethodDescriptor)
            : endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault()?.Method.FullName;
        if (path is not null && endpoint.ApplicationServices.GetRequiredService<GatewayMethods>().Find(path) is { } method)
        {
            endpoint.Metadata.Add(method);
        }
    }
}
