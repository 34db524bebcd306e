using System.Net;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Health.V1;

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
