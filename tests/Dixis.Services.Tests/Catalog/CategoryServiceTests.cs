using Dixis.Contracts.Catalog.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Services.Tests.Catalog;

/// <summary>Changing the category tree on the real catalog: create, rename, move, reorder, delete.</summary>
public sealed class CategoryServiceTests(CatalogServiceFixture fixture) : IClassFixture<CatalogServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private CatalogApi Api => fixture.Api;

    private CategoryService.CategoryServiceClient Categories => fixture.Api.Categories;

    [Fact]
    public async Task An_administrator_builds_a_branch_and_the_cached_tree_shows_it_at_once()
    {
        var root = await CreateAsync(null, "Τσάι", "Tea");
        var child = await CreateAsync(root.Id, "Πράσινο τσάι", "Green tea");
        var second = await CreateAsync(root.Id, "Μαύρο τσάι", "Black tea");

        var tree = await Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        var node = FindNode(tree, root.Id);
        Assert.Equal([child.Id, second.Id], node.Children.Select(c => c.Category.Id));
        Assert.Equal([0, 1], node.Children.Select(c => c.Category.Position));
        Assert.Equal("Green tea", (await Categories.GetCategoryAsync(new GetCategoryRequest { CategoryId = child.Id }, cancellationToken: Cancellation)).Name.Values["en"]);
    }

    [Fact]
    public async Task Create_refuses_missing_parents_clashing_sibling_slugs_and_missing_names()
    {
        var root = await CreateAsync(null, "Ξηροί καρποί", "Nuts");
        await CreateAsync(root.Id, "Αμύγδαλα", "Almonds", slug: "almonds-" + root.Id[..8]);

        await RpcAssert.InvalidFieldAsync(() => Categories.CreateCategoryAsync(Request(Guid.NewGuid().ToString(), "Χ", "X"), CatalogCallers.Admin, cancellationToken: Cancellation), "category.parent_id", "CATEGORY_NOT_FOUND");
        await RpcAssert.FailsAsync(() => Categories.CreateCategoryAsync(Request(root.Id, "Αμύγδαλα", "Almonds", "almonds-" + root.Id[..8]), CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.AlreadyExists, "SLUG_ALREADY_EXISTS");
        await RpcAssert.InvalidFieldAsync(() => Categories.CreateCategoryAsync(new CreateCategoryRequest { Category = new Category { Slug = CatalogApi.Unique("c") } }, CatalogCallers.Admin, cancellationToken: Cancellation), "category.name.values");
        await RpcAssert.FailsAsync(() => Categories.CreateCategoryAsync(Request(null, "Χ", "X"), CatalogCallers.Producer("p-1"), cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCESS_DENIED");
    }

    [Fact]
    public async Task Rename_changes_names_and_slug_but_never_the_place_in_the_tree()
    {
        var category = await CreateAsync(null, "Όσπρια", "Pulses");

        var renamed = await Categories.UpdateCategoryAsync(
            new UpdateCategoryRequest { Category = new Category { Id = category.Id, Name = CatalogApi.Text(("el", "Όσπρια ΠΓΕ"), ("en", "PGI pulses")), Etag = category.Etag }, UpdateMask = new FieldMask { Paths = { "name" } } },
            CatalogCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal("PGI pulses", renamed.Name.Values["en"]);
        Assert.Equal(category.Slug, renamed.Slug);
        await RpcAssert.InvalidFieldAsync(
            () => Categories.UpdateCategoryAsync(new UpdateCategoryRequest { Category = new Category { Id = category.Id, ParentId = "x" }, UpdateMask = new FieldMask { Paths = { "parent_id" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            "update_mask", "FIELD_NOT_WRITABLE");
        await RpcAssert.FailsAsync(
            () => Categories.UpdateCategoryAsync(new UpdateCategoryRequest { Category = new Category { Id = category.Id, Slug = "x-y-z", Etag = category.Etag }, UpdateMask = new FieldMask { Paths = { "slug" } } }, CatalogCallers.Admin, cancellationToken: Cancellation),
            StatusCode.Aborted, "ETAG_MISMATCH");
    }

    [Fact]
    public async Task Move_carries_the_subtree_and_refuses_cycles()
    {
        var a = await CreateAsync(null, "Α", "A");
        var b = await CreateAsync(a.Id, "Β", "B");
        var c = await CreateAsync(b.Id, "Γ", "C");
        var target = await CreateAsync(null, "Δ", "D");

        await RpcAssert.FailsAsync(() => Categories.MoveCategoryAsync(new MoveCategoryRequest { CategoryId = a.Id, NewParentId = c.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CATEGORY_CYCLE");
        await RpcAssert.FailsAsync(() => Categories.MoveCategoryAsync(new MoveCategoryRequest { CategoryId = a.Id, NewParentId = a.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CATEGORY_CYCLE");

        var moved = await Categories.MoveCategoryAsync(new MoveCategoryRequest { CategoryId = b.Id, NewParentId = target.Id, Position = 99 }, CatalogCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal(target.Id, moved.ParentId);
        var tree = await Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        Assert.Empty(FindNode(tree, a.Id).Children);
        Assert.Equal([c.Id], FindNode(tree, b.Id).Children.Select(n => n.Category.Id));
        Assert.Equal([b.Id], FindNode(tree, target.Id).Children.Select(n => n.Category.Id));
        await RpcAssert.FailsAsync(() => Categories.MoveCategoryAsync(new MoveCategoryRequest { CategoryId = Guid.NewGuid().ToString() }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound, "CATEGORY_NOT_FOUND");
    }

    [Fact]
    public async Task Reorder_needs_every_child_exactly_once()
    {
        var parent = await CreateAsync(null, "Γλυκά", "Sweets");
        var first = await CreateAsync(parent.Id, "Α", "A");
        var second = await CreateAsync(parent.Id, "Β", "B");
        var third = await CreateAsync(parent.Id, "Γ", "C");

        var reordered = await Categories.ReorderCategoriesAsync(new ReorderCategoriesRequest { ParentId = parent.Id, CategoryIds = { third.Id, first.Id, second.Id } }, CatalogCallers.Admin, cancellationToken: Cancellation);

        Assert.Equal([third.Id, first.Id, second.Id], reordered.Categories.Select(c => c.Id));
        Assert.Equal([0, 1, 2], reordered.Categories.Select(c => c.Position));
        var tree = await Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation);
        Assert.Equal([third.Id, first.Id, second.Id], FindNode(tree, parent.Id).Children.Select(n => n.Category.Id));

        await RpcAssert.InvalidFieldAsync(() => Categories.ReorderCategoriesAsync(new ReorderCategoriesRequest { ParentId = parent.Id, CategoryIds = { third.Id, first.Id } }, CatalogCallers.Admin, cancellationToken: Cancellation), "category_ids");
        await RpcAssert.InvalidFieldAsync(() => Categories.ReorderCategoriesAsync(new ReorderCategoriesRequest { ParentId = parent.Id, CategoryIds = { third.Id, first.Id, second.Id, second.Id } }, CatalogCallers.Admin, cancellationToken: Cancellation), "category_ids");
    }

    [Fact]
    public async Task Only_an_empty_category_can_be_deleted()
    {
        var parent = await CreateAsync(null, "Αλάτι", "Salt");
        var child = await CreateAsync(parent.Id, "Θαλασσινό αλάτι", "Sea salt");
        var producer = await Api.NewProducerAsync();
        var product = await Api.CreateProductAsync(producer, child);

        await RpcAssert.FailsAsync(() => Categories.DeleteCategoryAsync(new DeleteCategoryRequest { CategoryId = parent.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CATEGORY_NOT_EMPTY");
        await RpcAssert.FailsAsync(() => Categories.DeleteCategoryAsync(new DeleteCategoryRequest { CategoryId = child.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "CATEGORY_NOT_EMPTY");

        await Api.Products.UpdateProductAsync(
            new UpdateProductRequest { Product = new Product { Id = product.Id, CategoryId = (await Api.CategoryAsync("feta")).Id }, UpdateMask = new FieldMask { Paths = { "category_id" } } },
            CatalogCallers.Producer(producer.Id), cancellationToken: Cancellation);
        await Categories.DeleteCategoryAsync(new DeleteCategoryRequest { CategoryId = child.Id }, CatalogCallers.Admin, cancellationToken: Cancellation);
        await Categories.DeleteCategoryAsync(new DeleteCategoryRequest { CategoryId = parent.Id }, CatalogCallers.Admin, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Categories.GetCategoryAsync(new GetCategoryRequest { CategoryId = parent.Id }, cancellationToken: Cancellation), StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => Categories.DeleteCategoryAsync(new DeleteCategoryRequest { CategoryId = parent.Id }, CatalogCallers.Admin, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task The_tree_counts_active_products_of_each_subtree()
    {
        var root = await CreateAsync(null, "Κρασί δοκιμών", "Test wine");
        var red = await CreateAsync(root.Id, "Ερυθρό", "Red");
        var producer = await Api.NewProducerAsync();
        await Api.CreateProductAsync(producer, red);
        await Api.CreateProductAsync(producer, red);
        await Api.CreateProductAsync(producer, root, p => p.Status = ProductStatus.Draft);

        var tree = await Eventually.ReadAsync(
            () => Categories.GetCategoryTreeAsync(new GetCategoryTreeRequest(), cancellationToken: Cancellation).ResponseAsync,
            t => FindNode(t, root.Id).Category.ProductCount == 2);

        Assert.Equal(2, FindNode(tree, root.Id).Category.ProductCount);
        Assert.Equal(2, FindNode(tree, red.Id).Category.ProductCount);
    }

    private async Task<Category> CreateAsync(string? parentId, string el, string en, string? slug = null) =>
        await Categories.CreateCategoryAsync(Request(parentId, el, en, slug), CatalogCallers.Admin, cancellationToken: Cancellation);

    private static CreateCategoryRequest Request(string? parentId, string el, string en, string? slug = null) => new()
    {
        Category = new Category { ParentId = parentId ?? string.Empty, Slug = slug ?? CatalogApi.Unique("category"), Name = CatalogApi.Text(("el", el), ("en", en)) },
    };

    private static CategoryNode FindNode(CategoryTree tree, string id) => tree.Roots.Select(root => Find(root, id)).First(node => node is not null)!;

    private static CategoryNode? Find(CategoryNode node, string id) =>
        node.Category.Id == id ? node : node.Children.Select(child => Find(child, id)).FirstOrDefault(found => found is not null);
}
