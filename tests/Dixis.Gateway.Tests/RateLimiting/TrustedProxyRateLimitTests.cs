using System.Net;
using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>
/// Behind a trusted proxy (an ingress) each caller is limited by its own address from <c>X-Forwarded-For</c>, not all
/// together by the proxy's; from anyone else the header is ignored, so a caller cannot pick a fresh address per call.
/// </summary>
public sealed class TrustedProxyRateLimitTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callers_behind_a_trusted_proxy_have_their_own_limits()
    {
        var settings = RateLimitedGateway.Limits(perIp: 2);
        settings["Gateway:TrustedProxies:Networks:0"] = "10.0.0.0/8";
        await using var gateway = new RateLimitedGateway(fixture, settings);
        const string proxy = "10.1.2.3";

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await ReadsAsync(gateway, proxy, "203.0.113.10", 3));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await ReadsAsync(gateway, proxy, "203.0.113.11", 2));
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_caller_is_ignored()
    {
        var settings = RateLimitedGateway.Limits(perIp: 2);
        settings["Gateway:TrustedProxies:Networks:0"] = "10.0.0.0/8";
        await using var gateway = new RateLimitedGateway(fixture, settings);
        var caller = RateLimitedGateway.NewAddress();

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 3; call++)
        {
            statuses.AddRange(await ReadsAsync(gateway, caller, $"203.0.113.{100 + call}", 1));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_gateway_at_start()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Gateway:TrustedProxies:Networks:0"] = "10.0.0.0/33" });
        var failure = Assert.ThrowsAny<Exception>(() => gateway.Server);
        Assert.Contains("Gateway:TrustedProxies:Networks entry '10.0.0.0/33'", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> ReadsAsync(RateLimitedGateway gateway, string connectionAddress, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < count; call++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/products/p-1", UriKind.Relative));
            request.Headers.Add(ClientAddressStartupFilter.Header, connectionAddress);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await gateway.Json.SendAsync(request, Cancellation);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
