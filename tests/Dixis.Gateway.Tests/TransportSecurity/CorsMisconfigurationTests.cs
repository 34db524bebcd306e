using System.Net;
using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// CORS against OWASP's "security misconfiguration": only the listed origins are ever named back to a browser,
/// never with credentials, and caches are told the answer depends on the origin. Preflights from listed and
/// unlisted origins are covered by <c>CorsTests</c>.
/// </summary>
public sealed class CorsMisconfigurationTests(GatewayFixture fixture)
{
    private const string JsonPath = "/v1/products/p-cors";

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("https://shop.dixis.test.evil.example")]
    [InlineData("http://shop.dixis.test")]
    public async Task Request_from_an_unlisted_origin_gets_no_cors_grant(string origin)
    {
        using var response = await GetAsync(origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("https://shop.dixis.test.evil.example")]
    public async Task Preflight_from_an_unlisted_or_opaque_origin_gets_no_cors_grant(string origin)
    {
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, JsonPath);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Request_from_a_listed_origin_is_granted_to_that_origin_only_without_credentials()
    {
        using var response = await GetAsync(GatewayFactory.AllowedOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayFactory.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("grpc-status", string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        // A shared cache must not hand one origin's grant to another.
        Assert.Contains("Origin", response.Headers.Vary);
    }

    private async Task<HttpResponseMessage> GetAsync(string origin)
    {
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, JsonPath);
        request.Headers.Add("Origin", origin);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
