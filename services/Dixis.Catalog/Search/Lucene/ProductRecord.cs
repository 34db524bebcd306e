using System.Buffers.Binary;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The <see cref="ProductFields.Record"/> value of a product: cheapest price (8 bytes), publish time (8), shortest name
/// length (4), variant price count (4) and prices (8 each), then the serialized <see cref="ProductSummary"/> to the end.
/// Big-endian throughout.
/// </summary>
internal static class ProductRecord
{
    private const int HeaderLength = 24;

    public static BytesRef Encode(long minPrice, long publishTime, int nameLength, IReadOnlyList<long> variantPrices, ProductSummary summary)
    {
        var summaryLength = summary.CalculateSize();
        var bytes = new byte[HeaderLength + (variantPrices.Count * sizeof(long)) + summaryLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(0), minPrice);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), publishTime);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), nameLength);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), variantPrices.Count);
        for (var index = 0; index < variantPrices.Count; index++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(HeaderLength + (index * sizeof(long))), variantPrices[index]);
        }

        summary.WriteTo(bytes.AsSpan(bytes.Length - summaryLength));
        return new BytesRef(bytes);
    }

    public static long MinPrice(BytesRef record) => BinaryPrimitives.ReadInt64BigEndian(Span(record, 0, 8));

    public static long PublishTime(BytesRef record) => BinaryPrimitives.ReadInt64BigEndian(Span(record, 8, 8));

    public static int NameLength(BytesRef record) => BinaryPrimitives.ReadInt32BigEndian(Span(record, 16, 4));

    public static int VariantPriceCount(BytesRef record) => BinaryPrimitives.ReadInt32BigEndian(Span(record, 20, 4));

    public static long VariantPrice(BytesRef record, int index) => BinaryPrimitives.ReadInt64BigEndian(Span(record, HeaderLength + (index * sizeof(long)), 8));

    public static ProductSummary Summary(BytesRef record)
    {
        var start = HeaderLength + (VariantPriceCount(record) * sizeof(long));
        return ProductSummary.Parser.ParseFrom(Span(record, start, record.Length - start));
    }

    private static ReadOnlySpan<byte> Span(BytesRef record, int start, int length) => record.Bytes.AsSpan(record.Offset + start, length);
}
