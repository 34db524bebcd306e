using System.Net;
using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests;

/// <summary>Browsers on the configured origins may call the gateway and read gRPC statuses; others may not.</summary>
public sealed class CorsTests(GatewayFixture fixture)
{
    private const string GrpcWebPath = "/dixis.catalog.v1.CategoryService/GetCategoryTree";

    [Fact]
    public async Task Preflight_from_an_allowed_origin_passes()
    {
        using var response = await PreflightAsync(GatewayFactory.AllowedOrigin);

        Assert.True(response.IsSuccessStatusCode, $"Preflight failed with {response.StatusCode}.");
        Assert.Equal(GatewayFactory.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowedHeaders = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("x-grpc-web", allowedHeaders, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_refused()
    {
        using var response = await PreflightAsync("https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Grpc_web_response_to_an_allowed_origin_exposes_the_grpc_status_headers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, GrpcWebPath)
        {
            // An empty GetCategoryTreeRequest framed for gRPC-Web: flag 0, length 0.
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc-web");
        request.Headers.Add("Origin", GatewayFactory.AllowedOrigin);
        request.Headers.Add("X-Grpc-Web", "1");

        using var response = await http.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exposed = string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("grpc-status", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("grpc-message", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("grpc-status-details-bin", exposed, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, GrpcWebPath);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,x-user-agent");
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
