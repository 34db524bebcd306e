using System.Net;
using Dixis.Gateway.Tests.TransportSecurity.Infrastructure;
using Grpc.Health.V1;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// With a certificate configured, the gateway serves HTTPS on one port for browsers (HTTP/1.1) and gRPC clients
/// (HTTP/2), chosen by ALPN, and tells browsers to keep to HTTPS, never over cleartext.
/// </summary>
[Collection(ProductionGatewayCollection.Name)]
public sealed class HttpsEndpointTests(ProductionGatewayFixture fixture)
{
    public static TheoryData<string> HttpVersions => ["1.1", "2.0"];

    [Theory]
    [MemberData(nameof(HttpVersions))]
    public async Task Https_endpoint_answers_over_http11_and_http2_on_the_same_port(string version)
    {
        using var https = fixture.Gateway.HttpsClient(Version.Parse(version));

        using var response = await https.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
    }

    [Fact]
    public async Task Native_grpc_is_served_over_https()
    {
        using var channel = fixture.Gateway.HttpsGrpcChannel();

        var response = await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [MemberData(nameof(HttpVersions))]
    public async Task Https_responses_carry_hsts_for_a_year_with_subdomains(string version)
    {
        using var https = fixture.Gateway.HttpsClient(Version.Parse(version));

        using var response = await https.GetAsync(new Uri("/v1/no-such-route", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Cleartext_responses_never_carry_hsts()
    {
        using var http = fixture.Gateway.CleartextClient();

        using var response = await http.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cleartext_grpc_endpoint_still_serves_native_grpc_next_to_https()
    {
        using var channel = fixture.Gateway.CleartextGrpcChannel();

        var response = await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
