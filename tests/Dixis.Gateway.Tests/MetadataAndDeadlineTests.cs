using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Gateway.Tests;

/// <summary>What the caller sends with a call reaches the owning service; what it answers with reaches the caller.</summary>
public sealed class MetadataAndDeadlineTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Call_metadata_reaches_the_downstream_service_and_hop_headers_do_not()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);
        var authorization = $"Bearer {GatewayCallers.AdminToken}";

        await client.GetProductAsync(
            new GetProductRequest { ProductId = "p-1" },
            new Metadata
            {
                { "x-request-id", requestId },
                { "authorization", authorization },
                { "accept-language", "el-GR" },
                { "x-tenant-hint", "gr" },
                { "x-trace-bin", new byte[] { 1, 2, 3 } },
            },
            cancellationToken: cancellationToken);

        var observed = fixture.Recorder.Observed(requestId);
        Assert.Equal(authorization, observed.Header("authorization"));
        Assert.Equal("el-GR", observed.Header("accept-language"));
        Assert.Equal("gr", observed.Header("x-tenant-hint"));
        Assert.Equal(Convert.ToBase64String([1, 2, 3]), observed.Header("x-trace-bin"));
        Assert.DoesNotContain(observed.Headers, header => header.Key.StartsWith(':'));
    }

    [Fact]
    public async Task Json_request_headers_reach_the_downstream_service_without_browser_transport_headers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/products/p-2");
        request.Headers.Add("x-request-id", requestId);
        request.Headers.Add("accept-language", "en");
        request.Headers.Add("cookie", "session=secret");
        request.Headers.Add("origin", GatewayFactory.AllowedOrigin);

        using var response = await http.SendAsync(request, cancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var observed = fixture.Recorder.Observed(requestId);
        Assert.Equal("en", observed.Header("accept-language"));
        Assert.Null(observed.Header("cookie"));
        Assert.Null(observed.Header("origin"));
    }

    [Fact]
    public async Task Downstream_response_headers_and_trailers_reach_the_grpc_caller()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        using var call = client.GetProductAsync(
            new GetProductRequest { ProductId = "p-3" },
            new Metadata { { "x-request-id", Guid.NewGuid().ToString("N") } },
            cancellationToken: cancellationToken);
        var product = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("p-3", product.Id);
        Assert.Equal("from-product-service", headers.GetValue("x-downstream-header"));
        Assert.Equal("done", call.GetTrailers().GetValue("x-downstream-trailer"));
    }

    [Fact]
    public async Task Downstream_response_headers_reach_the_json_caller()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();

        using var response = await http.GetAsync(new Uri("/v1/products/p-4", UriKind.Relative), cancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-product-service", Assert.Single(response.Headers.GetValues("x-downstream-header")));
    }

    [Fact]
    public async Task The_callers_deadline_reaches_the_downstream_service()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        // Far longer than the client default of the service defaults, so only propagation can explain it.
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(7);
        await client.GetProductAsync(
            new GetProductRequest { ProductId = "p-5" },
            new Metadata { { "x-request-id", requestId } },
            deadline,
            cancellationToken);

        var observed = fixture.Recorder.Observed(requestId);
        Assert.InRange(observed.Deadline, deadline.AddSeconds(-30), deadline.AddSeconds(1));
    }

    [Fact]
    public async Task A_json_call_without_deadline_still_reaches_the_downstream_service_with_one()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var http = fixture.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/products/p-6");
        request.Headers.Add("x-request-id", requestId);

        using var response = await http.SendAsync(request, cancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var observed = fixture.Recorder.Observed(requestId);
        Assert.NotEqual(DateTime.MaxValue, observed.Deadline);
        Assert.True(observed.Deadline > TimeProvider.System.GetUtcNow().UtcDateTime, "The downstream deadline lies in the past.");
    }
}
