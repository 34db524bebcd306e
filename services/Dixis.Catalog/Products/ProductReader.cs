using Dixis.Catalog.Caching;
using Dixis.Catalog.Categories;
using Dixis.Catalog.Model;
using Dixis.Catalog.Producers;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Catalog.Products;

/// <summary>
/// Product reads. By id and slug they come from the cache (a product page is read far more often than it
/// changes; writes invalidate at once); lists come from the store. Visibility is applied after the cache,
/// so one cached entry serves every caller.
/// </summary>
public sealed class ProductReader(
    ProductRepository products,
    StockRepository stock,
    CategoryDirectory categories,
    ProducerDirectory producers,
    CatalogCache cache)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    /// <summary>The product, or NOT_FOUND when it does not exist or the caller may not see it. Shared instance: do not change it.</summary>
    public async Task<Product> GetAsync(string productId, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(productId))
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "product_id", "is required.");
        }

        return (productId.Length <= 64 ? await VisibleAsync(productId, caller, cancellationToken) : null)
            ?? throw CatalogErrors.ProductNotFound(productId);
    }

    public async Task<Product> GetBySlugAsync(string slug, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(slug))
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "slug", "is required.");
        }

        var productId = ProductRules.Slug().IsMatch(slug)
            ? await cache.GetProductIdBySlugAsync(slug, async token => (await products.FindBySlugAsync(slug, token))?.Id, cancellationToken)
            : null;
        if (productId is null)
        {
            throw CatalogErrors.ProductNotFound(slug);
        }

        // A slug that moved to another product between the lookup and now is reported as not found.
        var product = await VisibleAsync(productId, caller, cancellationToken);
        return product is not null && product.Slug == slug ? product : throw CatalogErrors.ProductNotFound(slug);
    }

    /// <summary>A page of products, newest first, as the caller may see them.</summary>
    public async Task<ListProductsResponse> ListAsync(ListProductsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize, CatalogErrors.Domain);
        var filters = new List<Filter>();
        if (request.CategoryId.Length > 0)
        {
            var subtree = (await categories.GetIndexAsync(cancellationToken)).SubtreeOf(request.CategoryId);
            if (subtree.Count == 0)
            {
                throw RpcErrors.InvalidArgument(CatalogErrors.Domain,
                    [new FieldViolation("category_id", $"category '{Text.LocalizedTextRules.Shorten(request.CategoryId)}' does not exist.", CatalogErrors.Reason(ErrorReason.CategoryNotFound))]);
            }

            filters.Add(Filter.In("categoryId", subtree));
        }

        if (request.ProducerId.Length > 0)
        {
            filters.Add(Filter.Eq("producerId", request.ProducerId));
        }

        if (!Enum.IsDefined(request.Status))
        {
            throw RpcErrors.InvalidField(CatalogErrors.Domain, "status", $"{(int)request.Status} is not a product status.");
        }

        // The public sees active products only, whatever status it asks for; a producer sees its own products
        // in every status; admins see all.
        var seesAll = caller.IsAdmin || (caller.ProducerId is not null && request.ProducerId == caller.ProducerId);
        var status = seesAll ? request.Status : ProductStatus.Active;
        if (status != ProductStatus.Unspecified)
        {
            filters.Add(Filter.Eq("status", status.ToString()));
        }

        var query = new Query
        {
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => Filter.And(filters) },
            Sort = [SortField.DescendingBy("createTimeMs")],
            PageSize = pageSize,
        };
        var fingerprint = $"ListProducts|{request.CategoryId}|{request.ProducerId}|{status}|{seesAll}";
        var (items, nextPageToken) = await products.Products.PageAsync(query, request.PageToken, fingerprint, CatalogErrors.Domain, cancellationToken);

        var available = await stock.AvailableBySkuAsync(items.SelectMany(item => item.Value.Variants).Select(v => v.Sku), cancellationToken);
        var response = new ListProductsResponse { NextPageToken = nextPageToken };
        foreach (var item in items)
        {
            // Products of a suspended producer are hidden from the public; a page may then be short, which
            // AIP-158 allows (only an empty next_page_token ends the list).
            if (seesAll || await producers.IsSellingAsync(item.Value.ProducerId, cancellationToken))
            {
                response.Products.Add(ProductMapper.ToContract(item, available));
            }
        }

        return response;
    }

    private async Task<Product?> VisibleAsync(string productId, Caller caller, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(productId, cancellationToken);
        return product is not null && ProductOwnership.CanSee(caller, product.ProducerId, product.Status, await producers.IsSellingAsync(product.ProducerId, cancellationToken))
            ? product
            : null;
    }

    /// <summary>
    /// The product in every status, as cached (null when there is none), for callers that apply their own rules, such as
    /// <see cref="VariantSnapshots"/>. Shared instance: do not change it.
    /// </summary>
    public ValueTask<Product?> GetAnyStatusAsync(string productId, CancellationToken cancellationToken) => LoadAsync(productId, cancellationToken);

    private ValueTask<Product?> LoadAsync(string productId, CancellationToken cancellationToken) =>
        cache.GetProductAsync(productId, async token =>
        {
            var document = await products.GetAsync(productId, token);
            return document is null
                ? null
                : ProductMapper.ToContract(document, await stock.AvailableBySkuAsync(document.Value.Variants.Select(v => v.Sku), token));
        }, cancellationToken);
}
