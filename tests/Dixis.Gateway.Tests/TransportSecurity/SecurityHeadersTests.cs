using System.Net;
using System.Net.Http.Headers;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.TransportSecurity.Infrastructure;
using Google.Protobuf;

namespace Dixis.Gateway.Tests.TransportSecurity;

/// <summary>
/// Every response of the gateway, whatever the protocol and outcome, tells browsers not to sniff, frame, embed or
/// leak it, names no server software, and answers carrying credentials are never cached.
/// </summary>
[Collection(ProductionGatewayCollection.Name)]
public sealed class SecurityHeadersTests(ProductionGatewayFixture fixture)
{
    public static TheoryData<bool, string, HttpStatusCode?> JsonAndProbeResponses => new()
    {
        // A forwarded JSON answer, the gateway's own JSON error, its own JSON document, and the probes (whose
        // status depends on the services behind, so it is not asserted).
        { true, "/v1/products/p-1", HttpStatusCode.OK },
        { false, "/v1/products/p-1", HttpStatusCode.OK },
        { true, "/v1/no-such-route", HttpStatusCode.NotFound },
        { false, "/v1/no-such-route", HttpStatusCode.NotFound },
        { true, "/openapi/v1.json", HttpStatusCode.OK },
        { false, "/health", null },
        { true, "/health", null },
        { false, "/alive", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(JsonAndProbeResponses))]
    public async Task Json_and_probe_responses_carry_the_security_headers(bool overHttps, string path, HttpStatusCode? expectedStatus)
    {
        using var client = overHttps ? fixture.Gateway.HttpsClient(HttpVersion.Version20) : fixture.Gateway.CleartextClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        if (expectedStatus is not null)
        {
            Assert.Equal(expectedStatus, response.StatusCode);
        }

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Grpc_web_responses_carry_the_security_headers()
    {
        using var http = fixture.Gateway.CleartextClient();
        using var request = GrpcWebRequest("/dixis.catalog.v1.ProductService/GetProduct", new GetProductRequest { ProductId = "p-1" });

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // gRPC-Web sends the status of an answer with a message in the trailer frame at the end of the body.
        Assert.Matches("grpc-status: ?0\r\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Native_grpc_responses_through_the_pass_through_carry_the_security_headers()
    {
        using var channel = fixture.Gateway.CleartextGrpcChannel();
        using var call = new ProductService.ProductServiceClient(channel)
            .GetProductAsync(new GetProductRequest { ProductId = "p-1" }, cancellationToken: TestContext.Current.CancellationToken);

        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("nosniff", headers.GetValue("x-content-type-options"));
        Assert.Equal("DENY", headers.GetValue("x-frame-options"));
        Assert.Equal("no-referrer", headers.GetValue("referrer-policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", headers.GetValue("content-security-policy"));
        Assert.Null(headers.Get("server"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Auth_answers_are_never_cached_even_when_they_fail(bool overHttps)
    {
        // No Auth service runs behind this gateway: the answer is an error, and must not be stored either.
        using var client = overHttps ? fixture.Gateway.HttpsClient(HttpVersion.Version11) : fixture.Gateway.CleartextClient();
        using var content = new StringContent("""{"email":"maria@example.gr","password":"not-stored-anywhere"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/v1/auth:login", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'.");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Auth_answers_over_grpc_web_are_never_cached()
    {
        using var http = fixture.Gateway.CleartextClient();
        using var request = GrpcWebRequest("/dixis.auth.v1.AuthService/Login", new Dixis.Contracts.Auth.V1.LoginRequest());

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'.");
    }

    [Fact]
    public async Task Other_answers_are_not_forced_to_no_store()
    {
        using var http = fixture.Gateway.CleartextClient();

        using var response = await http.GetAsync(new Uri("/v1/products/p-1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.Equal("same-site", Single(response, "Cross-Origin-Resource-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server header: {string.Join(',', response.Headers.Server)}");
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : [], value => value.Length > 0);

    private static HttpRequestMessage GrpcWebRequest(string path, IMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Frame(message)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web");
        request.Headers.Add("X-Grpc-Web", "1");
        return request;
    }

    /// <summary>A gRPC length-prefixed message: flag 0 (uncompressed), big-endian length, the message.</summary>
    private static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var framed = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), body.Length);
        body.CopyTo(framed, 5);
        return framed;
    }
}
