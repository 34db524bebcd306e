using Dixis.Persistence.Definitions;

namespace Dixis.Persistence.Queries;

/// <summary>
/// A validated query, engine-neutral: the user's filter combined with the keyset condition that resumes
/// after the page token, the sort keys, and the page size. Both adapters render the same plan.
/// </summary>
internal sealed record QueryPlan(Filter? Filter, IReadOnlyList<SortField> Sort, int PageSize)
{
    public static QueryPlan Create(Query query, CollectionDefinition collection, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 0 || query.PageSize > maxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Query.PageSize), query.PageSize, $"Page size must be between 1 and {maxPageSize} (0 means {Query.DefaultPageSize}).");
        }

        var sort = query.Sort ?? [];
        foreach (var field in (query.Filter?.Fields ?? []).Concat(sort.Select(s => s.Field)))
        {
            if (field != FieldPath.Id && !collection.IndexedFields.Contains(field))
            {
                throw new ArgumentException(
                    $"Field '{field}' is not indexed in collection '{collection.Name}'; queries may use only declared index fields ({string.Join(", ", collection.IndexedFields.Order())}).",
                    nameof(Query.Filter));
            }
        }

        if (sort.Any(s => s.Field == FieldPath.Id) || sort.Select(s => s.Field).Distinct().Count() != sort.Count)
        {
            throw new ArgumentException("Sort keys must be distinct and not the id (the id is always the last key).", nameof(Query.Sort));
        }

        var filter = query.Filter;
        if (!string.IsNullOrEmpty(query.PageToken))
        {
            var token = PageToken.Decode(query.PageToken, Signature(sort), sort.Count);
            var resume = ResumeAfter(sort, token);
            filter = filter is null ? resume : Filter.And(filter, resume);
        }

        return new QueryPlan(filter, sort, query.PageSize == 0 ? Query.DefaultPageSize : query.PageSize);
    }

    /// <summary>The token for the page after the one that ended with this document.</summary>
    public string NextPageToken(IReadOnlyList<object?> lastSortValues, string lastId) =>
        new PageToken(Signature(Sort), lastSortValues, lastId).Encode();

    private static string Signature(IReadOnlyList<SortField> sort) =>
        string.Join(",", sort.Select(s => s.Descending ? s.Field + ":desc" : s.Field));

    /// <summary>
    /// Everything strictly after the last document in (sort keys…, id) order. Null is the smallest value:
    /// first when ascending, last when descending, as both SQLite and MongoDB order it.
    /// </summary>
    private static Filter ResumeAfter(IReadOnlyList<SortField> sort, PageToken token)
    {
        var alternatives = new List<Filter>();
        var equalSoFar = new List<Filter>();
        for (var i = 0; i < sort.Count; i++)
        {
            var (field, value) = (sort[i].Field, token.Values[i]);
            Filter? after = (sort[i].Descending, value) switch
            {
                (false, null) => Filter.Ne(field, null),
                (false, _) => Filter.Gt(field, value),
                (true, null) => null,
                (true, _) => Filter.Or(Filter.Lt(field, value), Filter.Eq(field, null)),
            };
            if (after is not null)
            {
                alternatives.Add(equalSoFar.Count == 0 ? after : Filter.And([.. equalSoFar, after]));
            }

            equalSoFar.Add(Filter.Eq(field, value));
        }

        var idAfter = Filter.Gt(FieldPath.Id, token.LastId);
        alternatives.Add(equalSoFar.Count == 0 ? idAfter : Filter.And([.. equalSoFar, idAfter]));
        return alternatives.Count == 1 ? alternatives[0] : Filter.Or(alternatives);
    }
}
