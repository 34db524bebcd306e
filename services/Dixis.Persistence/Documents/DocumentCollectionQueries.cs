using Dixis.Persistence.Queries;

namespace Dixis.Persistence.Documents;

/// <summary>Query patterns every service's repositories share, on top of <see cref="IDocumentCollection{T}.QueryAsync"/>.</summary>
public static class DocumentCollectionQueries
{
    /// <summary>Every document matching <paramref name="filter"/>, following the store's pages to the end.</summary>
    public static async Task<List<Document<T>>> ListAllAsync<T>(this IDocumentCollection<T> collection, Filter? filter, CancellationToken cancellationToken, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var all = new List<Document<T>>();
        string? pageToken = null;
        do
        {
            var page = await collection.QueryAsync(new Query { Filter = filter, PageSize = pageSize, PageToken = pageToken }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        return all;
    }

    /// <summary>The first document matching <paramref name="filter"/>, or null.</summary>
    public static async Task<Document<T>?> FirstOrDefaultAsync<T>(this IDocumentCollection<T> collection, Filter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var page = await collection.QueryAsync(new Query { Filter = filter, PageSize = 1 }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    /// <summary>Documents by id, those that exist; ids are looked up in chunks the store's <c>In</c> accepts.</summary>
    public static async Task<List<Document<T>>> GetManyAsync<T>(this IDocumentCollection<T> collection, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var found = new List<Document<T>>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            found.AddRange(await collection.ListAllAsync(Filter.In(FieldPath.Id, chunk), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }
}
