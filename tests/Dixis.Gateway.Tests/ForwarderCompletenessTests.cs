using System.Reflection;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Descriptors;
using Dixis.Gateway.Forwarding;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Dixis.Gateway.Tests;

/// <summary>
/// The gateway cannot drift from the contracts: every public method of every contract service is forwarded,
/// and no service-to-service (INTERNAL) method is.
/// </summary>
public sealed class ForwarderCompletenessTests(GatewayFixture fixture)
{
    private static readonly ContractDescriptors Contracts = new();

    [Fact]
    public void Every_public_method_is_overridden_by_its_forwarder_and_no_internal_method_is()
    {
        var forwarders = ForwardersByService();
        var problems = new List<string>();

        foreach (var service in Contracts.Services)
        {
            var hasPublicMethod = service.Methods.Any(ContractDescriptors.IsPublic);
            if (!forwarders.TryGetValue(service.FullName, out var forwarder))
            {
                if (hasPublicMethod)
                {
                    problems.Add($"{service.FullName} has public methods but no gateway forwarder.");
                }

                continue;
            }

            foreach (var method in service.Methods)
            {
                var overridden = forwarder.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)?.DeclaringType == forwarder;
                if (ContractDescriptors.IsPublic(method) && !overridden)
                {
                    problems.Add($"{forwarder.Name} does not forward the public method {service.FullName}.{method.Name}.");
                }
                else if (!ContractDescriptors.IsPublic(method) && overridden)
                {
                    problems.Add($"{forwarder.Name} exposes the internal method {service.FullName}.{method.Name}.");
                }
            }
        }

        Assert.NotEmpty(Contracts.Services);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_public_method_is_routed_by_the_running_gateway()
    {
        var routed = fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var missing = Contracts.Services
            .SelectMany(service => service.Methods)
            .Where(ContractDescriptors.IsPublic)
            .Select(method => $"/{method.Service.FullName}/{method.Name}")
            .Where(path => !routed.Contains(path))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_endpoint_of_a_public_method_carries_its_gateway_method_in_every_protocol_and_no_other_endpoint_does()
    {
        var methodsByPath = Contracts.Services.SelectMany(service => service.Methods)
            .ToDictionary(GatewayMethod.PathOf, StringComparer.Ordinal);
        var problems = new List<string>();
        var grpcEndpoints = 0;
        var jsonEndpoints = 0;

        foreach (var endpoint in fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            var carried = endpoint.Metadata.GetMetadata<GatewayMethod>();
            var json = endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
            var grpcPath = endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
            var method = json is not null ? json.MethodDescriptor : grpcPath is not null ? methodsByPath.GetValueOrDefault(grpcPath) : null;
            var expected = method is not null && ContractDescriptors.IsPublic(method);
            if (expected && carried?.Descriptor != method)
            {
                problems.Add($"{endpoint.DisplayName} serves the public method {method!.FullName} without its GatewayMethod.");
            }
            else if (!expected && carried is not null)
            {
                problems.Add($"{endpoint.DisplayName} carries the GatewayMethod {carried} but serves no public contract method.");
            }

            if (expected)
            {
                _ = json is null ? grpcEndpoints++ : jsonEndpoints++;
            }
        }

        Assert.Empty(problems);
        Assert.Equal(Contracts.Services.SelectMany(service => service.Methods).Count(ContractDescriptors.IsPublic), grpcEndpoints);
        Assert.NotEqual(0, jsonEndpoints);
    }

    [Fact]
    public async Task An_internal_method_is_not_forwarded_even_when_the_downstream_service_implements_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);
        var requestId = Guid.NewGuid().ToString("N");

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.BatchGetVariantsAsync(
            new BatchGetVariantsRequest(),
            new Metadata { { "x-request-id", requestId } },
            cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
        Assert.Throws<InvalidOperationException>(() => fixture.Recorder.Observed(requestId));
    }

    /// <summary>Gateway types deriving from a generated service base, keyed by the proto service they serve.</summary>
    private static Dictionary<string, Type> ForwardersByService() =>
        typeof(GrpcForwarder).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, BaseType.DeclaringType: not null })
            .Select(type => (Type: type, Service: type.BaseType!.DeclaringType!
                .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor))
            .Where(pair => pair.Service is not null)
            .ToDictionary(pair => pair.Service!.FullName, pair => pair.Type, StringComparer.Ordinal);
}
