using Dixis.Contracts.Catalog.V1;
using Dixis.Contracts.Shipping.V1;
using Dixis.Gateway.Forwarding;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Dixis.Gateway.Tests;

/// <summary>
/// Native gRPC is forwarded as bytes, without decoding the messages; what the gateway guarantees holds on that path
/// too. gRPC-Web and JSON still go through the typed forwarders.
/// </summary>
public sealed class PassThroughTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Native_grpc_reaches_the_service_as_the_caller_encoded_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var nativeId = Guid.NewGuid().ToString("N");
        var grpcWebId = Guid.NewGuid().ToString("N");

        using (var channel = fixture.GrpcChannel())
        {
            await GetCompressedAsync(channel, nativeId, cancellationToken);
        }

        using (var channel = fixture.GrpcWebChannel())
        {
            await GetCompressedAsync(channel, grpcWebId, cancellationToken);
        }

        // The pass-through relays the gzip-compressed message as it came; the typed path decodes and re-encodes it.
        Assert.Equal("gzip", fixture.Recorder.Observed(nativeId).MessageEncoding);
        Assert.Null(fixture.Recorder.Observed(grpcWebId).MessageEncoding);
    }

    [Fact]
    public async Task A_large_unary_answer_arrives_whole_with_its_trailers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();

        using var call = new ProductService.ProductServiceClient(channel).GetProductAsync(
            new GetProductRequest { ProductId = RecordingProductService.LargeProductId }, cancellationToken: cancellationToken);
        var product = await call.ResponseAsync;

        Assert.Equal(1024 * 1024, product.Slug.Length);
        Assert.Equal("done", call.GetTrailers().GetValue("x-downstream-trailer"));
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("grpc-web")]
    [InlineData("json")]
    public async Task The_internal_caller_header_sent_from_outside_never_reaches_the_service(string protocol)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        var headers = new Metadata { { "x-request-id", requestId }, { "dixis-internal-caller", "orders" } };

        if (protocol == "json")
        {
            using var http = fixture.JsonClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/products/p-internal");
            foreach (var header in headers)
            {
                request.Headers.Add(header.Key, header.Value);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            using var channel = protocol == "grpc" ? fixture.GrpcChannel() : fixture.GrpcWebChannel();
            await new ProductService.ProductServiceClient(channel)
                .GetProductAsync(new GetProductRequest { ProductId = "p-internal" }, headers, cancellationToken: cancellationToken);
        }

        var observed = fixture.Recorder.Observed(requestId);
        Assert.Null(observed.Header("dixis-internal-caller"));
        Assert.Equal(requestId, observed.Header("x-request-id"));
    }

    [Fact]
    public async Task A_native_call_without_deadline_reaches_the_service_with_the_client_default_deadline()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var channel = fixture.GrpcChannel();

        var sent = TimeProvider.System.GetUtcNow().UtcDateTime;
        await new ProductService.ProductServiceClient(channel).GetProductAsync(
            new GetProductRequest { ProductId = "p-default-deadline" },
            new Metadata { { "x-request-id", requestId } },
            cancellationToken: cancellationToken);
        var answered = TimeProvider.System.GetUtcNow().UtcDateTime;

        // Grpc:Client:DefaultDeadline is 10 s; grpc-timeout carries it in milliseconds, rounded up.
        var observed = fixture.Recorder.Observed(requestId);
        Assert.InRange(observed.Deadline, sent.AddSeconds(10).AddMilliseconds(-50), answered.AddSeconds(10).AddMilliseconds(50));
    }

    [Fact]
    public async Task Cancelling_a_native_call_cancels_the_call_the_service_is_serving()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var channel = fixture.GrpcChannel();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var call = new ProductService.ProductServiceClient(channel).GetProductAsync(
            new GetProductRequest { ProductId = RecordingProductService.NeverAnsweredProductId },
            new Metadata { { "x-request-id", requestId } },
            cancellationToken: caller.Token);
        await fixture.Recorder.Arrival(requestId).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        await caller.CancelAsync();

        // Which status the caller reports after giving up is its own client's business; what matters is the service.
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        await fixture.Recorder.Cancellation(requestId).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_call_without_deadline_ends_at_the_default_deadline_and_the_service_call_is_cancelled(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Grpc:Client:DefaultDeadline"] = "00:00:00.300" });
        using GrpcChannel channel = grpcWeb ? fixture.GrpcWebChannel(gateway) : fixture.GrpcChannel(gateway);

        // The caller sets no deadline, so the only one is the gateway's default.
        var failure = await Assert.ThrowsAsync<RpcException>(() => new ProductService.ProductServiceClient(channel).GetProductAsync(
            new GetProductRequest { ProductId = RecordingProductService.NeverAnsweredProductId },
            new Metadata { { "x-request-id", requestId } },
            cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
        await fixture.Recorder.Cancellation(requestId).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_idempotent_call_is_retried_while_the_service_refuses_connections(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        RefusingTransport? transport = null;
        await using var gateway = fixture.CreateGateway(catalogTransport: service => transport = new RefusingTransport(service, refusals: 2));
        using GrpcChannel channel = grpcWeb ? fixture.GrpcWebChannel(gateway) : fixture.GrpcChannel(gateway);

        var tree = await new CategoryService.CategoryServiceClient(channel)
            .GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: cancellationToken);

        Assert.NotEmpty(tree.Roots);
        Assert.Equal(3, transport!.Attempts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_call_that_is_not_idempotent_is_not_retried(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        RefusingTransport? transport = null;
        await using var gateway = fixture.CreateGateway(catalogTransport: service => transport = new RefusingTransport(service, refusals: 1));
        using GrpcChannel channel = grpcWeb ? fixture.GrpcWebChannel(gateway) : fixture.GrpcChannel(gateway);

        var failure = await Assert.ThrowsAsync<RpcException>(() => new CategoryService.CategoryServiceClient(channel)
            .CreateCategoryAsync(new CreateCategoryRequest(), GatewayCallers.Admin, cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(1, transport!.Attempts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unreachable_service_is_unavailable_without_its_address_and_the_cause_is_logged(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using GrpcChannel channel = grpcWeb ? fixture.GrpcWebChannel() : fixture.GrpcChannel();
        const string method = "/dixis.shipping.v1.RateService/QuoteRates";

        // No in-process shipping service stands behind shipping.test: the connection is refused.
        var failure = await Assert.ThrowsAsync<RpcException>(() => new RateService.RateServiceClient(channel)
            .QuoteRatesAsync(new QuoteRatesRequest(), cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(ClientSideFailure.Message(method, StatusCode.Unavailable), failure.Status.Detail);
        Assert.DoesNotContain("shipping.test", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(fixture.Gateway.Logs.GetSnapshot(), log =>
            log.Id.Id == 2
            && log.Level == LogLevel.Warning
            && log.Message.Contains(method, StringComparison.Ordinal)
            && log.Exception?.ToString().Contains("shipping.test", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Oversize_message_in_a_native_client_stream_gets_resource_exhausted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        using var call = client.ImportProducts(GatewayCallers.Admin, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ImportProductsRequest { Product = new Product { Id = "p-1" } }, cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(
                new ImportProductsRequest { Product = new Product { Id = new string('x', GatewayFactory.MaxMessageSize + 1) } }, cancellationToken);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The call may already have ended with the gateway's error; the response below carries it.
        }

        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, failure.StatusCode);
    }

    private static async Task GetCompressedAsync(GrpcChannel channel, string requestId, CancellationToken cancellationToken) =>
        await new ProductService.ProductServiceClient(channel).GetProductAsync(
            new GetProductRequest { ProductId = "p-gzip" },
            new Metadata { { "x-request-id", requestId }, { "grpc-internal-encoding-request", "gzip" } },
            cancellationToken: cancellationToken);
}
