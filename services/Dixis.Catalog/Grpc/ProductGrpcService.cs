using Dixis.Catalog.Products;
using Dixis.Contracts.Catalog.V1;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.ProductService</c>: products and their variants.</summary>
public sealed class ProductGrpcService(ProductReader reader, ProductWriter writer, ProductImporter importer, VariantSnapshots snapshots)
    : ProductService.ProductServiceBase
{
    public override Task<Product> GetProduct(GetProductRequest request, ServerCallContext context) =>
        reader.GetAsync(request.ProductId, context.GetCaller(), context.CancellationToken);

    public override Task<Product> GetProductBySlug(GetProductBySlugRequest request, ServerCallContext context) =>
        reader.GetBySlugAsync(request.Slug, context.GetCaller(), context.CancellationToken);

    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context) =>
        reader.ListAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<Product> CreateProduct(CreateProductRequest request, ServerCallContext context) =>
        writer.CreateAsync(request.Product ?? new Product(), context.GetCaller(), context.CancellationToken);

    public override Task<Product> UpdateProduct(UpdateProductRequest request, ServerCallContext context) =>
        writer.UpdateAsync(request.Product ?? new Product(), request.UpdateMask, context.GetCaller(), context.CancellationToken);

    public override Task<Product> ArchiveProduct(ArchiveProductRequest request, ServerCallContext context) =>
        writer.ArchiveAsync(request.ProductId, request.Etag, context.GetCaller(), context.CancellationToken);

    public override Task<ImportProductsResponse> ImportProducts(IAsyncStreamReader<ImportProductsRequest> requestStream, ServerCallContext context) =>
        importer.ImportAsync(requestStream, context.GetCaller(), context.CancellationToken);

    public override Task<BatchGetVariantsResponse> BatchGetVariants(BatchGetVariantsRequest request, ServerCallContext context) =>
        snapshots.GetAsync(request.Skus, context.CancellationToken);
}
