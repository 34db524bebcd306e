using Dixis.AppHost.Tests.Fixtures;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dixis.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class GrpcHealthTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("gateway")]
    [InlineData("auth")]
    [InlineData("catalog")]
    [InlineData("orders")]
    [InlineData("shipping")]
    public async Task Grpc_health_check_on_the_grpc_endpoint_is_serving(string resource)
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint(resource, "grpc"));
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        var response = await client.CheckAsync(
            new HealthCheckRequest(),
            deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
