using System.ComponentModel.DataAnnotations;

namespace Dixis.Catalog.Model;

/// <summary>Search settings that do not depend on the engine (configuration section <c>Catalog:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Catalog:Search";

    /// <summary>
    /// How often the index looks for store changes it has not seen (other replicas' writes, writes of a crashed
    /// process). Writes of this process are indexed at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far back each sync looks before the newest change it has seen: a transaction that stamped its change
    /// earlier but committed later is still picked up. Longer than any write transaction.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SyncOverlap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the index may go without a durable commit while changes arrive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After this many products were indexed or removed since the index was last compacted (a bulk import, a day of
    /// edits), the first quiet pass compacts it: the engine reorganises it for search speed, which takes seconds on a
    /// large catalog. A rebuild leaves the index compacted.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int CompactAfterChanges { get; set; } = 5_000;

    /// <summary>Upper bounds of the price facet's buckets in minor units (ascending); the last bucket is open.</summary>
    [MinLength(1)]
    public long[] PriceBucketBounds { get; set; } = [500, 1000, 2000, 5000];

    /// <summary>At most this many values per facet.</summary>
    [Range(1, 200)]
    public int MaxFacetValues { get; set; } = 20;
}
