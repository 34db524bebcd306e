using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Catalog.Grpc;

/// <summary><c>dixis.catalog.v1.CategoryService</c>: the category tree. Reads are cached; writes are for administrators.</summary>
public sealed class CategoryGrpcService(CategoryDirectory directory, CategoryWriter writer) : CategoryService.CategoryServiceBase
{
    public const string ErrorDomain = CatalogErrors.Domain;

    public override async Task<CategoryTree> GetCategoryTree(GetCategoryTreeRequest request, ServerCallContext context)
    {
        var language = request.LanguageCode;
        if (language.Length > 0 && !LocalizedTextRules.IsLanguageCode(language))
        {
            throw RpcErrors.InvalidField(ErrorDomain, "language_code", $"'{LocalizedTextRules.Shorten(language)}' is not a BCP-47 language code such as 'el' or 'en'.");
        }

        return await directory.GetTreeAsync(language, context.CancellationToken);
    }

    public override async Task<Category> GetCategory(GetCategoryRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.CategoryId))
        {
            throw RpcErrors.InvalidField(ErrorDomain, "category_id", "is required.");
        }

        return (await directory.GetIndexAsync(context.CancellationToken)).Find(request.CategoryId) ?? throw CatalogErrors.CategoryNotFound(request.CategoryId);
    }

    public override Task<Category> CreateCategory(CreateCategoryRequest request, ServerCallContext context) =>
        writer.CreateAsync(request.Category ?? new Category(), context.CancellationToken);

    public override Task<Category> UpdateCategory(UpdateCategoryRequest request, ServerCallContext context) =>
        writer.UpdateAsync(request.Category ?? new Category(), request.UpdateMask, context.CancellationToken);

    public override Task<Category> MoveCategory(MoveCategoryRequest request, ServerCallContext context) =>
        writer.MoveAsync(request, context.CancellationToken);

    public override Task<ReorderCategoriesResponse> ReorderCategories(ReorderCategoriesRequest request, ServerCallContext context) =>
        writer.ReorderAsync(request, context.CancellationToken);

    public override async Task<Empty> DeleteCategory(DeleteCategoryRequest request, ServerCallContext context)
    {
        await writer.DeleteAsync(request.CategoryId, context.CancellationToken);
        return new Empty();
    }
}
