using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Searchers that score with BM25, the same similarity the writer encodes norms for. BM25 scores are bounded and
/// not renormalised per query, which lets <see cref="ProductTextQuery"/> rank exact matches above typos by a fixed bonus.
/// </summary>
internal sealed class ProductSearcherFactory(Similarity similarity) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
}
