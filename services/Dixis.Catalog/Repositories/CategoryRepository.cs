using Dixis.Catalog.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;

namespace Dixis.Catalog.Repositories;

/// <summary>Categories in the catalog's document store.</summary>
public sealed class CategoryRepository(IDocumentStore store)
{
    public const string CollectionName = "categories";

    private const int PageSize = 200;

    private IDocumentCollection<CategoryRecord> Categories => store.Collection<CategoryRecord>(CollectionName);

    /// <summary>Every category, in no particular order.</summary>
    public async Task<IReadOnlyList<Document<CategoryRecord>>> ListAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Document<CategoryRecord>>();
        string? pageToken = null;
        do
        {
            var page = await Categories.QueryAsync(new Query { PageSize = PageSize, PageToken = pageToken }, cancellationToken);
            all.AddRange(page.Items);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        return all;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        var page = await Categories.QueryAsync(new Query { PageSize = 1 }, cancellationToken);
        return page.Items.Count > 0;
    }

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
