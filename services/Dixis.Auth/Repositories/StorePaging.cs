using Dixis.Persistence.Documents;
using Dixis.Persistence.Queries;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Auth.Repositories;

/// <summary>Client-facing pages over the store: the store's cursor inside a page token bound to the query (AIP-158).</summary>
public static class StorePaging
{
    /// <summary>One page; a token from another query, or a malformed one, fails with INVALID_PAGE_TOKEN.</summary>
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

    /// <summary>Every document matching <paramref name="filter"/>, following the store's pages to the end.</summary>
    public static async Task<List<Document<T>>> ListAllAsync<T>(this IDocumentCollection<T> collection, Filter? filter, CancellationToken cancellationToken)
    {
        var all = new List<Document<T>>();
        string? pageToken = null;
        do
        {
            var page = await collection.QueryAsync(new Query { Filter = filter, PageSize = 500, PageToken = pageToken }, cancellationToken);
            all.AddRange(page.Items);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        return all;
    }
}
