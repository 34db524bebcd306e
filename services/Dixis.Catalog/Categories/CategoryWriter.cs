using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Catalog.Repositories;
using Dixis.Catalog.Text;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Categories;

/// <summary>
/// Changes the category tree: create, rename, move (never into its own subtree), reorder, delete when empty.
/// Each change that touches several categories (positions of siblings) is one unit of work, so the tree is
/// never seen half reordered.
/// </summary>
public sealed class CategoryWriter(
    IDocumentStore store,
    CategoryRepository repository,
    ProductRepository products,
    CatalogChanges changes,
    TimeProvider timeProvider,
    IOptions<CatalogOptions> options)
{
    private const string Domain = CatalogErrors.Domain;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxChildren = 500;

    private static readonly string[] Renamable = ["name", "slug", "description"];

    public async Task<Category> CreateAsync(Category request, CancellationToken cancellationToken)
    {
        var violations = Validate(request, "category");
        var parentId = string.IsNullOrEmpty(request.ParentId) ? null : request.ParentId;
        violations.ThrowIfAny(Domain);

        Document<CategoryRecord> stored;
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var categories = repository.Categories.In(transaction);
            if (parentId is not null)
            {
                var parent = await categories.GetAsync(parentId, cancellationToken);
                if (parent is null)
                {
                    throw RpcErrors.InvalidArgument(Domain, [new FieldViolation("category.parent_id", $"category '{LocalizedTextRules.Shorten(parentId)}' does not exist.", CatalogErrors.Reason(ErrorReason.CategoryNotFound))]);
                }

                if (await DepthAsync(categories, parentId, cancellationToken) + 1 >= CategoryTreeBuilder.MaxDepth)
                {
                    throw RpcErrors.InvalidField(Domain, "category.parent_id", $"the tree may be at most {CategoryTreeBuilder.MaxDepth} levels deep.");
                }
            }

            var siblings = await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", parentId), cancellationToken);
            EnsureSlugFree(siblings, request.Slug, exceptId: null);
            if (siblings.Count >= MaxChildren)
            {
                throw RpcErrors.InvalidField(Domain, "category.parent_id", $"a category may have at most {MaxChildren} children.");
            }

            var now = timeProvider.GetUtcNow();
            var record = new CategoryRecord(
                parentId,
                request.Slug,
                LocalizedTexts.ToRecord(request.Name),
                LocalizedTexts.ToRecord(request.Description),
                siblings.Count == 0 ? 0 : siblings.Max(s => s.Value.Position) + 1,
                now,
                now);
            stored = await categories.InsertAsync(Guid.CreateVersion7(now).ToString("D"), record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.CategoriesChangedAsync(cancellationToken);
        return CategoryTreeBuilder.ToContract(stored, productCount: 0);
    }

    /// <summary>Renames a category: its name, slug or description.</summary>
    public async Task<Category> UpdateAsync(Category request, FieldMask? mask, CancellationToken cancellationToken)
    {
        var paths = RenamePaths(mask);
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidField(Domain, "category.id", "is required.");
        }

        Document<CategoryRecord> stored;
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var categories = repository.Categories.In(transaction);
            var current = await categories.GetAsync(request.Id, cancellationToken) ?? throw CatalogErrors.CategoryNotFound(request.Id);
            if (request.Etag.Length > 0 && (!Etag.TryParse(request.Etag, out var version) || version != current.Version))
            {
                throw RpcErrors.EtagMismatch(Domain, current.Id);
            }

            var merged = CategoryTreeBuilder.ToContract(current, productCount: 0);
            foreach (var path in paths)
            {
                switch (path)
                {
                    case "name": merged.Name = request.Name?.Clone(); break;
                    case "slug": merged.Slug = request.Slug; break;
                    case "description": merged.Description = request.Description?.Clone(); break;
                }
            }

            Validate(merged, "category").ThrowIfAny(Domain);
            if (merged.Slug != current.Value.Slug)
            {
                EnsureSlugFree(await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", current.Value.ParentId), cancellationToken), merged.Slug, current.Id);
            }

            var record = current.Value with
            {
                Slug = merged.Slug,
                Name = LocalizedTexts.ToRecord(merged.Name),
                Description = LocalizedTexts.ToRecord(merged.Description),
                UpdateTime = timeProvider.GetUtcNow(),
            };
            stored = await ReplaceAsync(categories, current, record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.CategoriesChangedAsync(cancellationToken);
        return CategoryTreeBuilder.ToContract(stored, productCount: 0);
    }

    /// <summary>Moves a category with its subtree under another parent (or to the roots) at a position.</summary>
    public async Task<Category> MoveAsync(MoveCategoryRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(request.CategoryId))
        {
            violations.Add("category_id", "is required.");
        }

        if (request.Position < 0)
        {
            violations.Add("position", "must not be negative; a position beyond the end means last.");
        }

        violations.ThrowIfAny(Domain);
        var newParentId = string.IsNullOrEmpty(request.NewParentId) ? null : request.NewParentId;

        Document<CategoryRecord> stored;
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var categories = repository.Categories.In(transaction);
            var moving = await categories.GetAsync(request.CategoryId, cancellationToken) ?? throw CatalogErrors.CategoryNotFound(request.CategoryId);
            if (newParentId is not null)
            {
                if (await categories.GetAsync(newParentId, cancellationToken) is null)
                {
                    throw RpcErrors.InvalidArgument(Domain, [new FieldViolation("new_parent_id", $"category '{LocalizedTextRules.Shorten(newParentId)}' does not exist.", CatalogErrors.Reason(ErrorReason.CategoryNotFound))]);
                }

                var ancestors = await AncestorsAsync(categories, newParentId, cancellationToken);
                if (newParentId == moving.Id || ancestors.Contains(moving.Id))
                {
                    throw RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.CategoryCycle),
                        $"Category '{moving.Id}' cannot move under '{newParentId}': that is the category itself or one of its descendants.",
                        [new PreconditionViolation("TREE", $"categories/{newParentId}", "The new parent is inside the subtree being moved.")]);
                }

                if (ancestors.Count + 1 + await SubtreeHeightAsync(categories, moving.Id, cancellationToken) >= CategoryTreeBuilder.MaxDepth)
                {
                    throw RpcErrors.InvalidField(Domain, "new_parent_id", $"the tree may be at most {CategoryTreeBuilder.MaxDepth} levels deep.");
                }
            }

            var now = timeProvider.GetUtcNow();
            var newSiblings = (await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", newParentId), cancellationToken))
                .Where(sibling => sibling.Id != moving.Id)
                .OrderBy(sibling => sibling.Value.Position).ThenBy(sibling => sibling.Value.Slug, StringComparer.Ordinal)
                .ToList();
            EnsureSlugFree(newSiblings, moving.Value.Slug, moving.Id);
            if (moving.Value.ParentId != newParentId)
            {
                var oldSiblings = (await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", moving.Value.ParentId), cancellationToken))
                    .Where(sibling => sibling.Id != moving.Id)
                    .OrderBy(sibling => sibling.Value.Position).ThenBy(sibling => sibling.Value.Slug, StringComparer.Ordinal);
                await RenumberAsync(categories, [.. oldSiblings], now, cancellationToken);
            }

            var position = Math.Min(request.Position, newSiblings.Count);
            newSiblings.Insert(position, moving);
            await RenumberAsync(categories, newSiblings, now, cancellationToken, moved: (moving.Id, newParentId));
            stored = await categories.GetAsync(moving.Id, cancellationToken) ?? throw CatalogErrors.CategoryNotFound(moving.Id);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.CategoriesChangedAsync(cancellationToken);
        return CategoryTreeBuilder.ToContract(stored, productCount: 0);
    }

    /// <summary>Sets the order of a parent's children: every child exactly once.</summary>
    public async Task<ReorderCategoriesResponse> ReorderAsync(ReorderCategoriesRequest request, CancellationToken cancellationToken)
    {
        var parentId = string.IsNullOrEmpty(request.ParentId) ? null : request.ParentId;
        if (request.CategoryIds.Count == 0)
        {
            throw RpcErrors.InvalidField(Domain, "category_ids", "is required: list every child of the parent once, in the new order.");
        }

        var response = new ReorderCategoriesResponse();
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var categories = repository.Categories.In(transaction);
            if (parentId is not null && await categories.GetAsync(parentId, cancellationToken) is null)
            {
                throw CatalogErrors.CategoryNotFound(parentId);
            }

            var children = (await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", parentId), cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
            var duplicates = request.CategoryIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            var unknown = request.CategoryIds.Where(id => !children.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
            var missing = children.Keys.Except(request.CategoryIds, StringComparer.Ordinal).ToArray();
            var violations = new FieldViolations();
            if (duplicates.Length > 0)
            {
                violations.Add("category_ids", $"lists {string.Join(", ", duplicates.Take(5).Select(LocalizedTextRules.Shorten))} more than once.");
            }

            if (unknown.Length > 0)
            {
                violations.Add("category_ids", $"{string.Join(", ", unknown.Take(5).Select(LocalizedTextRules.Shorten))} {(unknown.Length == 1 ? "is not a child" : "are not children")} of the parent.");
            }

            if (missing.Length > 0)
            {
                violations.Add("category_ids", $"misses {string.Join(", ", missing.Take(5))}: list every child of the parent.");
            }

            violations.ThrowIfAny(Domain);
            await RenumberAsync(categories, [.. request.CategoryIds.Select(id => children[id])], timeProvider.GetUtcNow(), cancellationToken);
            foreach (var id in request.CategoryIds)
            {
                response.Categories.Add(CategoryTreeBuilder.ToContract((await categories.GetAsync(id, cancellationToken))!, productCount: 0));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await changes.CategoriesChangedAsync(cancellationToken);
        return response;
    }

    /// <summary>Deletes a category that has no children and no products in any status.</summary>
    public async Task DeleteAsync(string categoryId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(categoryId))
        {
            throw RpcErrors.InvalidField(Domain, "category_id", "is required.");
        }

        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            var categories = repository.Categories.In(transaction);
            var category = await categories.GetAsync(categoryId, cancellationToken) ?? throw CatalogErrors.CategoryNotFound(categoryId);
            var hasChildren = await categories.FirstOrDefaultAsync(Persistence.Queries.Filter.Eq("parentId", categoryId), cancellationToken) is not null;
            var hasProducts = await products.Products.In(transaction).FirstOrDefaultAsync(Persistence.Queries.Filter.Eq("categoryId", categoryId), cancellationToken) is not null;
            if (hasChildren || hasProducts)
            {
                throw RpcErrors.FailedPrecondition(Domain, CatalogErrors.Reason(ErrorReason.CategoryNotEmpty),
                    $"Category '{categoryId}' still has {(hasChildren ? "child categories" : "products")}; move or delete them first.",
                    [new PreconditionViolation("TREE", $"categories/{categoryId}", hasChildren ? "The category has children." : "Products are listed in the category.")]);
            }

            await categories.DeleteAsync(categoryId, category.Version, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await changes.CategoriesChangedAsync(cancellationToken);
    }

    private FieldViolations Validate(Category category, string prefix)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrEmpty(category.Slug))
        {
            violations.Add($"{prefix}.slug", "is required.");
        }
        else if (!ProductRules.Slug().IsMatch(category.Slug))
        {
            violations.Add($"{prefix}.slug", $"'{LocalizedTextRules.Shorten(category.Slug)}' is not a slug: use 3 to 120 lower-case letters, digits and single hyphens.");
        }

        LocalizedTextRules.Check(violations, $"{prefix}.name", category.Name, MaxNameLength, options.Value.DefaultLanguage);
        LocalizedTextRules.Check(violations, $"{prefix}.description", category.Description, MaxDescriptionLength, requiredLanguage: null);
        return violations;
    }

    private static IReadOnlyList<string> RenamePaths(FieldMask? mask)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", "is required: any of name, slug, description.");
        }

        foreach (var path in mask?.Paths ?? [])
        {
            if (path is "parent_id" or "position")
            {
                violations.Add("update_mask", $"'{path}' changes only through {(path == "parent_id" ? "MoveCategory" : "ReorderCategories")}.", RpcErrors.FieldNotWritableReason);
            }
            else if (path is "id" or "product_count" or "create_time" or "update_time" or "etag")
            {
                violations.Add("update_mask", $"'{path}' cannot be changed.", RpcErrors.FieldNotWritableReason);
            }
            else if (!Renamable.Contains(path))
            {
                violations.Add("update_mask", $"'{LocalizedTextRules.Shorten(path)}' is not a field of Category; use any of name, slug, description.");
            }
        }

        violations.ThrowIfAny(Domain);
        return [.. mask!.Paths.Distinct(StringComparer.Ordinal)];
    }

    private static void EnsureSlugFree(IEnumerable<Document<CategoryRecord>> siblings, string slug, string? exceptId)
    {
        if (siblings.Any(sibling => sibling.Value.Slug == slug && sibling.Id != exceptId))
        {
            throw RpcErrors.AlreadyExists(Domain, CatalogErrors.Reason(ErrorReason.SlugAlreadyExists), CatalogErrors.CategoryType, slug,
                $"A sibling category already has the slug '{slug}'.", new Dictionary<string, string> { ["slug"] = slug });
        }
    }

    private static async Task<HashSet<string>> AncestorsAsync(IDocumentCollection<CategoryRecord> categories, string categoryId, CancellationToken cancellationToken)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        for (var current = await categories.GetAsync(categoryId, cancellationToken);
             current?.Value.ParentId is { } parentId && ancestors.Count <= CategoryTreeBuilder.MaxDepth && ancestors.Add(parentId);
             current = await categories.GetAsync(parentId, cancellationToken))
        {
        }

        ancestors.Add(categoryId);
        return ancestors;
    }

    private static async Task<int> DepthAsync(IDocumentCollection<CategoryRecord> categories, string categoryId, CancellationToken cancellationToken) =>
        (await AncestorsAsync(categories, categoryId, cancellationToken)).Count - 1;

    /// <summary>How many levels lie below <paramref name="categoryId"/> (0 for a leaf).</summary>
    private static async Task<int> SubtreeHeightAsync(IDocumentCollection<CategoryRecord> categories, string categoryId, CancellationToken cancellationToken, int depth = 0)
    {
        if (depth >= CategoryTreeBuilder.MaxDepth)
        {
            return depth;
        }

        var height = 0;
        foreach (var child in await categories.ListAllAsync(Persistence.Queries.Filter.Eq("parentId", categoryId), cancellationToken))
        {
            height = Math.Max(height, 1 + await SubtreeHeightAsync(categories, child.Id, cancellationToken, depth + 1));
        }

        return height;
    }

    /// <summary>Gives <paramref name="ordered"/> positions 0, 1, 2, …; the moved category also gets its new parent.</summary>
    private static async Task RenumberAsync(
        IDocumentCollection<CategoryRecord> categories, List<Document<CategoryRecord>> ordered, DateTimeOffset now, CancellationToken cancellationToken, (string Id, string? ParentId)? moved = null)
    {
        for (var position = 0; position < ordered.Count; position++)
        {
            var category = ordered[position];
            var isMoved = moved is { } m && m.Id == category.Id;
            if (category.Value.Position == position && !isMoved)
            {
                continue;
            }

            var record = category.Value with { Position = position, ParentId = isMoved ? moved!.Value.ParentId : category.Value.ParentId, UpdateTime = now };
            await ReplaceAsync(categories, category, record, cancellationToken);
        }
    }

    private static async Task<Document<CategoryRecord>> ReplaceAsync(IDocumentCollection<CategoryRecord> categories, Document<CategoryRecord> current, CategoryRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return await categories.ReplaceAsync(current.Id, record, current.Version, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
    }
}
