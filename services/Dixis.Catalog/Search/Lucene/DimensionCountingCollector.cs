using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Counts collected products per value of one dimension, for <see cref="IProductSearchIndex.CountByAsync"/>.</summary>
internal sealed class DimensionCountingCollector : ICollector
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly OrdinalCounter counter;

    public DimensionCountingCollector(SearchCountDimension dimension)
    {
        counter = dimension switch
        {
            // The producer facet term starts with the producer id.
            SearchCountDimension.Producer => new OrdinalCounter(ProductFields.ProducerFacet, multiValued: false, (term, count) => Add(FacetTerm.Decode(term)[0], count)),

            // Every category on the path holds the product, so counting the path counts whole subtrees.
            SearchCountDimension.CategorySubtree => new OrdinalCounter(ProductFields.CategoryPath, multiValued: true, (term, count) => Add(term.Utf8ToString(), count)),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown count dimension."),
        };
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context) => counter.SetNextReader(context.AtomicReader);

    public void Collect(int doc) => counter.Count(doc);

    /// <summary>The counts; call once, after the search.</summary>
    public IReadOnlyDictionary<string, long> ToCounts()
    {
        counter.Flush();
        return counts;
    }

    private void Add(string value, long count) => counts[value] = counts.GetValueOrDefault(value) + count;
}
