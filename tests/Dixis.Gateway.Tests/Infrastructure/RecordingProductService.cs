using Dixis.Contracts.Catalog.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// A real gRPC implementation of the ProductService contract, hosted in-process behind the gateway in place
/// of the catalog's own (whose product methods come in a later issue). It records what reaches it, answers
/// with a rich error for the product id <see cref="InvalidProductId"/> and, for <see cref="NeverAnsweredProductId"/>,
/// waits until the call is cancelled.
/// </summary>
public sealed class RecordingProductService(DownstreamRecorder recorder) : ProductService.ProductServiceBase
{
    public const string InvalidProductId = "not-a-valid-id";
    public const string ErrorMessage = "product_id is not a valid product id.";
    public const string NeverAnsweredProductId = "never-answered";

    /// <summary>A product id answered with a 1 MiB product, far over every HTTP/2 flow-control window on the way.</summary>
    public const string LargeProductId = "large";

    public override async Task<Product> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        recorder.Record(context);
        if (request.ProductId == NeverAnsweredProductId)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                recorder.RecordCancellation(context);
                throw;
            }
        }

        if (request.ProductId == InvalidProductId)
        {
            var status = new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = ErrorMessage,
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations =
                        {
                            new BadRequest.Types.FieldViolation { Field = "product_id", Description = "Must be an id issued by the catalog." },
                        },
                    }),
                },
            };
            throw status.ToRpcException();
        }

        await context.WriteResponseHeadersAsync(new Metadata { { "x-downstream-header", "from-product-service" } });
        context.ResponseTrailers.Add("x-downstream-trailer", "done");
        return request.ProductId == LargeProductId
            ? new Product { Id = request.ProductId, Slug = new string('s', 1024 * 1024) }
            : new Product { Id = request.ProductId };
    }

    /// <summary>Implemented here so that a call the gateway refuses is provably refused by the gateway.</summary>
    public override Task<BatchGetVariantsResponse> BatchGetVariants(BatchGetVariantsRequest request, ServerCallContext context)
    {
        recorder.Record(context);
        return Task.FromResult(new BatchGetVariantsResponse());
    }

    /// <summary>Counts the rows it receives; a row for <see cref="InvalidProductId"/> fails the whole import with a rich error.</summary>
    public override async Task<ImportProductsResponse> ImportProducts(IAsyncStreamReader<ImportProductsRequest> requestStream, ServerCallContext context)
    {
        recorder.Record(context);
        var received = 0L;
        await foreach (var row in requestStream.ReadAllAsync(context.CancellationToken))
        {
            received++;
            if (row.Product?.Id == InvalidProductId)
            {
                throw new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = $"Row {received}: {ErrorMessage}",
                    Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "product.id" } } }) },
                }.ToRpcException();
            }
        }

        return new ImportProductsResponse { ReceivedCount = received, CreatedCount = received };
    }
}
