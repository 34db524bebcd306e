using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Catalog.Repositories;

/// <summary>Query patterns every catalog repository shares.</summary>
public static class StoreQueries
{
    /// <summary>Every document matching <paramref name="filter"/>, following page tokens to the end.</summary>
    public static async Task<List<Document<T>>> ListAllAsync<T>(this IDocumentCollection<T> collection, Filter? filter, CancellationToken cancellationToken, int pageSize = 500)
    {
        var all = new List<Document<T>>();
        string? pageToken = null;
        do
        {
            var page = await collection.QueryAsync(new Query { Filter = filter, PageSize = pageSize, PageToken = pageToken }, cancellationToken);
            all.AddRange(page.Items);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        return all;
    }

    /// <summary>The first document matching <paramref name="filter"/>, or null.</summary>
    public static async Task<Document<T>?> FirstOrDefaultAsync<T>(this IDocumentCollection<T> collection, Filter filter, CancellationToken cancellationToken)
    {
        var page = await collection.QueryAsync(new Query { Filter = filter, PageSize = 1 }, cancellationToken);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    /// <summary>
    /// One page of a client-facing list: the store's cursor wrapped in a page token bound to
    /// <paramref name="queryFingerprint"/> (the filters and sort), so a token replayed with other filters is refused.
    /// </summary>
    public static async Task<(IReadOnlyList<Document<T>> Items, string NextPageToken)> PageAsync<T>(
        this IDocumentCollection<T> collection, Query query, string? pageToken, string queryFingerprint, string domain, CancellationToken cancellationToken)
    {
        var cursor = PageTokens.Read(pageToken, queryFingerprint, domain);
        Page<T> page;
        try
        {
            page = await collection.QueryAsync(query with { PageToken = cursor }, cancellationToken);
        }
        catch (ArgumentException malformed) when (malformed.ParamName == nameof(Query.PageToken))
        {
            throw RpcErrors.InvalidArgument(domain,
                [new FieldViolation("page_token", "is not a next_page_token of this method; start again without a page_token.", RpcErrors.InvalidPageTokenReason)]);
        }

        return (page.Items, PageTokens.Issue(page.NextPageToken, queryFingerprint));
    }

    /// <summary>Documents by id, those that exist; ids are looked up in chunks the store's <c>In</c> accepts.</summary>
    public static async Task<List<Document<T>>> GetManyAsync<T>(this IDocumentCollection<T> collection, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<Document<T>>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            found.AddRange(await collection.ListAllAsync(Filter.In(FieldPath.Id, chunk), cancellationToken));
        }

        return found;
    }
}
