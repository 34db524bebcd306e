namespace Dixis.Catalog.Search;

/// <summary>
/// Searchable products per producer and per category subtree, for <c>product_count</c> fields. Counted by the
/// search engine over every document, so the figures are kept until the index changes (the synchronizer calls
/// <see cref="IndexChanged"/>): producer pages and the category tree are read far more often than the catalog
/// changes. Until the index is complete (its first build) every count is zero rather than a count of whatever
/// was indexed so far.
/// </summary>
public sealed class ProductCounts(IProductSearchIndex index, Sync.SearchIndexStatus status)
{
    private readonly Lock gate = new();
    private readonly Dictionary<SearchCountDimension, Task<IReadOnlyDictionary<string, long>>> memo = [];

    /// <summary>The index changed: counts are taken again on the next read.</summary>
    public void IndexChanged()
    {
        lock (gate)
        {
            memo.Clear();
        }
    }

    public async Task<long> ForProducerAsync(string producerId, CancellationToken cancellationToken) =>
        (await CountsAsync(SearchCountDimension.Producer, cancellationToken)).GetValueOrDefault(producerId);

    public Task<IReadOnlyDictionary<string, long>> ByProducerAsync(CancellationToken cancellationToken) =>
        CountsAsync(SearchCountDimension.Producer, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> ByCategorySubtreeAsync(CancellationToken cancellationToken) =>
        CountsAsync(SearchCountDimension.CategorySubtree, cancellationToken);

    private static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    private Task<IReadOnlyDictionary<string, long>> CountsAsync(SearchCountDimension dimension, CancellationToken cancellationToken)
    {
        if (!status.IsComplete)
        {
            return Task.FromResult(None);
        }

        lock (gate)
        {
            if (memo.TryGetValue(dimension, out var known) && !known.IsFaulted && !known.IsCanceled)
            {
                return known.WaitAsync(cancellationToken);
            }

            // Not tied to this caller's token: the shared count must not fail for the others when one gives up.
            var counts = index.CountByAsync(dimension, CancellationToken.None);
            memo[dimension] = counts;
            return counts.WaitAsync(cancellationToken);
        }
    }
}
