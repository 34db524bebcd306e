using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Forwarding;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Forwarders.Catalog;

/// <summary>Serves <c>dixis.catalog.v1.CategoryService</c> at the gateway by forwarding each call to the catalog service.</summary>
public sealed class CategoryServiceForwarder(GrpcForwarder forwarder, CategoryService.CategoryServiceClient downstream)
    : CategoryService.CategoryServiceBase
{
    public override Task<CategoryTree> GetCategoryTree(GetCategoryTreeRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetCategoryTreeAsync, request, context);

    public override Task<Category> GetCategory(GetCategoryRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.GetCategoryAsync, request, context);

    public override Task<Category> CreateCategory(CreateCategoryRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.CreateCategoryAsync, request, context);

    public override Task<Category> UpdateCategory(UpdateCategoryRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.UpdateCategoryAsync, request, context);

    public override Task<Category> MoveCategory(MoveCategoryRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.MoveCategoryAsync, request, context);

    public override Task<ReorderCategoriesResponse> ReorderCategories(ReorderCategoriesRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.ReorderCategoriesAsync, request, context);

    public override Task<Empty> DeleteCategory(DeleteCategoryRequest request, ServerCallContext context) =>
        forwarder.UnaryAsync(downstream.DeleteCategoryAsync, request, context);
}
