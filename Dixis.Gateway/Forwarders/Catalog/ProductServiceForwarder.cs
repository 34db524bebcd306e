using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Catalog;

/// <summary>Serves <c>dixis.catalog.v1.ProductService</c> at the gateway by forwarding each call to the catalog service.</summary>
/// <remarks>Not overridden, so not served by the gateway (UNIMPLEMENTED): the service-to-service methods <c>BatchGetVariants</c>.</remarks>
public sealed class ProductServiceForwarder(GrpcForwarder forwarder, ProductService.ProductServiceClient downstream)
    : ProductService.ProductServiceBase
{
    public override Task<Product> GetProduct(GetProductRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetProductAsync, request, context);

    public override Task<Product> GetProductBySlug(GetProductBySlugRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetProductBySlugAsync, request, context);

    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ListProductsAsync, request, context);

    public override Task<Product> CreateProduct(CreateProductRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateProductAsync, request, context);

    public override Task<Product> UpdateProduct(UpdateProductRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateProductAsync, request, context);

    public override Task<Product> ArchiveProduct(ArchiveProductRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ArchiveProductAsync, request, context);

    public override Task<ImportProductsResponse> ImportProducts(IAsyncStreamReader<ImportProductsRequest> requestStream, ServerCallContext context) =>
        forwarder.ClientStreamingAsync(downstream.ImportProducts, requestStream, context);
}
