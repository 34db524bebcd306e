using System.Net;
using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API8:2023 Security Misconfiguration: browsers get CORS grants only for the configured origins. (Reflection off
/// outside Development, TLS, HSTS and security headers are in <c>TransportSecurity/</c>.)
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class SecurityMisconfigurationTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GatewayFactory.AllowedOrigin, true)]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    public async Task A_preflight_to_login_is_granted_only_to_configured_origins(string origin, bool granted)
    {
        using var json = platform.JsonClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/auth:login");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        using var response = await json.SendAsync(preflight, Cancellation);

        Assert.Equal(granted, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) && allowed.Single() == origin);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
