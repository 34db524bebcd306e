using Dixis.Catalog.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;

namespace Dixis.Catalog.Repositories;

/// <summary>Categories in the catalog's document store.</summary>
public sealed class CategoryRepository(IDocumentStore store)
{
    public IDocumentCollection<CategoryRecord> Categories => store.Collection<CategoryRecord>(CatalogCollections.Categories);

    /// <summary>Every category, in no particular order.</summary>
    public Task<List<Document<CategoryRecord>>> ListAllAsync(CancellationToken cancellationToken) =>
        Categories.ListAllAsync(filter: null, cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        (await Categories.QueryAsync(new Query { PageSize = 1 }, cancellationToken)).Items.Count > 0;

    /// <summary>The children of <paramref name="parentId"/> (the roots for null).</summary>
    public Task<List<Document<CategoryRecord>>> ChildrenOfAsync(string? parentId, CancellationToken cancellationToken) =>
        Categories.ListAllAsync(Filter.Eq("parentId", parentId), cancellationToken);

    /// <summary>Inserts the category unless one with this id exists; true when it was inserted.</summary>
    public async Task<bool> InsertIfAbsentAsync(string id, CategoryRecord category, CancellationToken cancellationToken)
    {
        try
        {
            await Categories.InsertAsync(id, category, cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another replica seeded it first: the outcome is the same.
            return false;
        }
    }
}
