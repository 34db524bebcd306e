using Dixis.Catalog.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;

namespace Dixis.Catalog.Repositories;

/// <summary>Reads of the <c>products</c> collection.</summary>
public sealed class ProductRepository(IDocumentStore store)
{
    public IDocumentCollection<ProductRecord> Products => store.Collection<ProductRecord>(CatalogCollections.Products);

    public Task<Document<ProductRecord>?> GetAsync(string productId, CancellationToken cancellationToken) =>
        Products.GetAsync(productId, cancellationToken);

    public Task<Document<ProductRecord>?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Products.FirstOrDefaultAsync(Filter.Eq("slug", slug), cancellationToken);

    /// <summary>Whether any product (in any status) is listed in one of these categories.</summary>
    public async Task<bool> AnyInCategoriesAsync(IReadOnlyCollection<string> categoryIds, CancellationToken cancellationToken) =>
        await Products.FirstOrDefaultAsync(Filter.In("categoryId", categoryIds), cancellationToken) is not null;
}
