namespace Dixis.Persistence.Queries;

/// <summary>
/// A query over declared indexed fields. Results are ordered by <see cref="Sort"/> and then by id, which
/// makes cursor paging stable: every match is returned exactly once across pages.
/// </summary>
public sealed record Query
{
    /// <summary>The default page size when <see cref="PageSize"/> is 0.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Which documents; null means all.</summary>
    public Filter? Filter { get; init; }

    /// <summary>Sort keys (indexed fields); the id is always the final tie-breaker.</summary>
    public IReadOnlyList<SortField> Sort { get; init; } = [];

    /// <summary>1 up to the store's maximum page size; 0 means <see cref="DefaultPageSize"/>.</summary>
    public int PageSize { get; init; }

    /// <summary>The <see cref="Page{T}.NextPageToken"/> of the previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }
}
