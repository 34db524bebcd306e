namespace Dixis.Catalog.Search;

/// <summary>
/// Searchable products per producer and per category subtree, for <c>product_count</c> fields. Counted by the
/// search engine over every document, so the figures are memoized for a second: producer pages and the
/// category tree are read far more often than the catalog changes. Until the index is complete (its first build)
/// every count is zero rather than a count of whatever was indexed so far.
/// </summary>
public sealed class ProductCounts(IProductSearchIndex index, Sync.SearchIndexStatus status, TimeProvider timeProvider)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private readonly Dictionary<SearchCountDimension, (DateTimeOffset At, Task<IReadOnlyDictionary<string, long>> Counts)> memo = [];

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

        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (memo.TryGetValue(dimension, out var entry) && now - entry.At < Freshness && !entry.Counts.IsFaulted && !entry.Counts.IsCanceled)
            {
                return entry.Counts.WaitAsync(cancellationToken);
            }

            // Not tied to this caller's token: the shared count must not fail for the others when one gives up.
            var counts = index.CountByAsync(dimension, CancellationToken.None);
            memo[dimension] = (now, counts);
            return counts.WaitAsync(cancellationToken);
        }
    }
}
