using Dixis.Gateway.Tests.TransportSecurity.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// Outside Development the gateway does not describe its API to whoever asks (gRPC server reflection, mapped by
/// the service defaults only in Development or with <c>Grpc:EnableReflection</c>); an operator can turn it on.
/// Development is covered by <c>HealthTests.Grpc_reflection_is_answered_by_the_gateway_itself</c>.
/// </summary>
[Collection(ProductionGatewayCollection.Name)]
public sealed class ReflectionExposureTests(ProductionGatewayFixture fixture)
{
    [Fact]
    public async Task Production_gateway_answers_reflection_with_unimplemented()
    {
        using var channel = fixture.Gateway.CleartextGrpcChannel();

        var failure = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(channel));

        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
    }

    [Fact]
    public async Task Production_gateway_with_reflection_enabled_lists_its_services()
    {
        await using var gateway = await KestrelGateway.CreateAsync(
            "Production",
            certificate: null,
            new Dictionary<string, string?> { ["Grpc:EnableReflection"] = "true" });
        gateway.StartServer();
        using var channel = gateway.CleartextGrpcChannel();

        var services = await ListServicesAsync(channel);

        Assert.Contains("dixis.catalog.v1.ProductService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    private static async Task<List<string>> ListServicesAsync(GrpcChannel channel)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name)];
    }
}
