using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Tests;

/// <summary>Client-streaming contract methods (bulk import) are forwarded message by message.</summary>
public sealed class StreamingTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Client_stream_reaches_the_service_and_its_answer_reaches_the_caller()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requestId = Guid.NewGuid().ToString("N");
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        using var call = client.ImportProducts(GatewayCallers.AdminWith(("x-request-id", requestId)), cancellationToken: cancellationToken);
        for (var row = 1; row <= 3; row++)
        {
            await call.RequestStream.WriteAsync(new ImportProductsRequest { Product = new Product { Id = $"p-{row}" } }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(3, response.ReceivedCount);
        Assert.NotNull(fixture.Recorder.Observed(requestId));
    }

    [Fact]
    public async Task Error_in_the_middle_of_a_client_stream_reaches_the_caller_intact()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var channel = fixture.GrpcChannel();
        var client = new ProductService.ProductServiceClient(channel);

        using var call = client.ImportProducts(GatewayCallers.Admin, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ImportProductsRequest { Product = new Product { Id = "p-1" } }, cancellationToken);
        await call.RequestStream.WriteAsync(new ImportProductsRequest { Product = new Product { Id = RecordingProductService.InvalidProductId } }, cancellationToken);
        try
        {
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The call may already have ended with the service's error; the response below carries it.
        }

        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.StartsWith("Row 2:", failure.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(failure.GetRpcStatus()?.GetDetail<BadRequest>());
    }
}
