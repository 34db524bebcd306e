using System.Net;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Gateway.Tests;

/// <summary>A downstream error reaches the caller with its code, message and details, whatever the protocol.</summary>
public sealed class ErrorRelayTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rich_downstream_error_reaches_a_grpc_caller_intact(bool grpcWeb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using GrpcChannel channel = grpcWeb ? fixture.GrpcWebChannel() : fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.GetProductAsync(
            new GetProductRequest { ProductId = RecordingProductService.InvalidProductId },
            cancellationToken: cancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal(RecordingProductService.ErrorMessage, failure.Status.Detail);
        var status = failure.GetRpcStatus();
        Assert.NotNull(status);
        var violation = Assert.Single(Assert.IsType<BadRequest>(status.GetDetail<BadRequest>()).FieldViolations);
        Assert.Equal("product_id", violation.Field);
    }

    [Fact]
    public async Task Rich_downstream_error_reaches_a_json_caller_as_google_rpc_status_with_http_400()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();

        using var response = await http.GetAsync(new Uri($"/v1/products/{RecordingProductService.InvalidProductId}", UriKind.Relative), cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(RecordingProductService.ErrorMessage, status.Message);
        var violation = Assert.Single(Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations);
        Assert.Equal("product_id", violation.Field);
    }

    [Fact]
    public async Task Json_error_body_names_the_detail_type()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();

        using var response = await http.GetAsync(new Uri($"/v1/products/{RecordingProductService.InvalidProductId}", UriKind.Relative), cancellationToken);

        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var detail = Assert.Single(body.RootElement.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Unimplemented_downstream_method_is_unimplemented_over_grpc_and_501_over_json()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();
        // The recording ProductService behind the gateway implements GetProduct only.
        var client = new ProductService.ProductServiceClient(channel);

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.GetProductBySlugAsync(
            new GetProductBySlugRequest { Slug = "some-oil" }, cancellationToken: cancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);

        using var http = fixture.JsonClient();
        using var response = await http.GetAsync(new Uri("/v1/products:bySlug?slug=some-oil", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var status = await StatusBody.ReadAsync(response, cancellationToken);
        Assert.Equal((int)Code.Unimplemented, status.Code);
        Assert.Equal(failure.Status.Detail, status.Message);
    }
}
