using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The <see cref="SegmentColumns"/> of each open segment, read on first use and kept as long as the segment's core is
/// alive (a near-real-time reopen shares unchanged cores, so only new segments are read).
/// </summary>
/// <param name="producerNameLanguage">The language a trading name is labelled in: the market default, since a trading name is not translated.</param>
internal sealed class SegmentColumnsCache(string producerNameLanguage)
{
    private readonly ConditionalWeakTable<object, SegmentColumns> columns = new();

    public string ProducerNameLanguage => producerNameLanguage;

    public FacetValueTable Categories { get; } = new();

    public FacetValueTable Producers { get; } = new();

    public FacetValueTable Attributes { get; } = new();

    public SegmentColumns For(AtomicReader reader) =>
        columns.TryGetValue(reader.CoreCacheKey, out var known)
            ? known
            : columns.GetValue(reader.CoreCacheKey, _ => SegmentColumns.Read(reader, this));
}
