using Dixis.Persistence.Documents;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Persistence.Queries;

/// <summary>
/// One page of a client-facing list (AIP-158): the store's cursor wrapped in a page token bound to the query's
/// fingerprint (its filters and sort, and the caller where lists are per caller), so a token replayed with other
/// filters, or a malformed one, is refused INVALID_ARGUMENT (INVALID_PAGE_TOKEN) instead of returning another list.
/// </summary>
public static class ClientPages
{
    public static async Task<(IReadOnlyList<Document<T>> Items, string NextPageToken)> PageAsync<T>(
        this IDocumentCollection<T> collection, Query query, string? pageToken, string queryFingerprint, string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(query);
        var cursor = PageTokens.Read(pageToken, queryFingerprint, domain);
        Page<T> page;
        try
        {
            page = await collection.QueryAsync(query with { PageToken = cursor }, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException malformed) when (malformed.ParamName == nameof(Query.PageToken))
        {
            throw RpcErrors.InvalidArgument(domain,
                [new FieldViolation("page_token", "is not a next_page_token of this method; start again without a page_token.", RpcErrors.InvalidPageTokenReason)]);
        }

        return (page.Items, PageTokens.Issue(page.NextPageToken, queryFingerprint));
    }
}
