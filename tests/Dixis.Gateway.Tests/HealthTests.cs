using System.Net;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Dixis.Gateway.Tests;

/// <summary>The gateway reports its health the platform way: HTTP probes and grpc.health.v1.</summary>
public sealed class HealthTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Grpc_health_reports_serving()
    {
        using var channel = fixture.GrpcChannel();

        var response = await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Grpc_reflection_is_answered_by_the_gateway_itself()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name).ToList();

        // Catalog, the only service behind this gateway, serves neither shipping nor the gateway's own health.
        Assert.Contains("dixis.shipping.v1.RateService", services);
        Assert.Contains("dixis.catalog.v1.ProductService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Http_probes_answer_ok(string path)
    {
        using var http = fixture.JsonClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
