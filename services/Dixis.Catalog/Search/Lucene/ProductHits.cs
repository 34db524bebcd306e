using Dixis.Contracts.Catalog.V1;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Reads the <see cref="ProductSummary"/> of hits from the record doc values: no stored-field block to decompress per hit.</summary>
internal static class ProductHits
{
    public static List<ProductSummary> Read(IndexReader reader, ScoreDoc[] hits, int count)
    {
        var leaves = reader.Leaves;
        var summaries = new List<ProductSummary>(count);
        var scratch = new BytesRef();
        for (var index = 0; index < count; index++)
        {
            summaries.Add(Read(leaves, hits[index].Doc, scratch));
        }

        return summaries;
    }

    public static ProductSummary Read(IList<AtomicReaderContext> leaves, int doc, BytesRef scratch)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(ProductFields.Record) ?? DocValues.EMPTY_BINARY;
        values.Get(doc - leaf.DocBase, scratch);
        return ProductRecord.Summary(scratch);
    }
}
