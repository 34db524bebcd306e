using System.Net;
using Dixis.Gateway.Tests.TransportSecurity.Infrastructure;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// The HSTS policy comes from <c>Gateway:TransportSecurity:Hsts</c>; a developer's browser is not pinned to HTTPS
/// for localhost unless asked; a policy preload lists would reject stops the gateway at start.
/// </summary>
public sealed class HstsPolicyTests : IDisposable
{
    private readonly SelfSignedCertificate certificate = SelfSignedCertificate.Create(TimeProvider.System);

    [Fact]
    public async Task Development_sends_no_hsts_by_default()
    {
        await using var gateway = await KestrelGateway.CreateAsync("Development", certificate);
        gateway.StartServer();

        using var response = await GetOverHttpsAsync(gateway);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Configured_policy_is_sent_as_configured()
    {
        await using var gateway = await KestrelGateway.CreateAsync("Development", certificate, new Dictionary<string, string?>
        {
            ["Gateway:TransportSecurity:Hsts:EnableInDevelopment"] = "true",
            ["Gateway:TransportSecurity:Hsts:MaxAge"] = "730.00:00:00",
            ["Gateway:TransportSecurity:Hsts:Preload"] = "true",
        });
        gateway.StartServer();

        using var response = await GetOverHttpsAsync(gateway);

        Assert.Equal("max-age=63072000; includeSubDomains; preload", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("Gateway:TransportSecurity:Hsts:MaxAge", "-00:00:01", "MaxAge must not be negative")]
    [InlineData("Gateway:TransportSecurity:Hsts:IncludeSubDomains", "false", "Hsts:Preload needs MaxAge of at least 365 days and IncludeSubDomains")]
    public async Task Policy_preload_lists_or_browsers_would_reject_stops_the_gateway_at_start(string key, string value, string expectedInError)
    {
        await using var gateway = await KestrelGateway.CreateAsync("Production", certificate, new Dictionary<string, string?>
        {
            ["Gateway:TransportSecurity:Hsts:Preload"] = "true",
            [key] = value,
        });

        var failure = Assert.ThrowsAny<Exception>(gateway.StartServer);

        Assert.Contains(expectedInError, failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => certificate.Dispose();

    private static async Task<HttpResponseMessage> GetOverHttpsAsync(KestrelGateway gateway)
    {
        using var https = gateway.HttpsClient(HttpVersion.Version11);
        var response = await https.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
