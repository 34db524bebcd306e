using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The opaque cursor of a page: the sort values of its last hit (primary key and product id), which
/// <c>IndexSearcher.SearchAfter</c> continues from. Base64url of: a marker byte, a format version, the sort, the primary
/// value (score bits or a long), the product id in UTF-8. Anything else — another engine's cursor, a cursor of another
/// sort, a truncated or edited one — is refused with <see cref="InvalidSearchCursorException"/>.
/// </summary>
internal static class SearchCursor
{
    private const byte Marker = 0x4C;
    private const byte Version = 1;
    private const int HeaderLength = 3 + sizeof(long);

    /// <summary>Longer strings are refused before decoding: product ids are short.</summary>
    private const int MaxLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(ProductSearchSort sort, FieldDoc last)
    {
        var id = Encoding.UTF8.GetBytes((string)last.Fields[1]);
        var bytes = new byte[HeaderLength + id.Length];
        bytes[0] = Marker;
        bytes[1] = Version;
        bytes[2] = (byte)sort;
        var primary = sort == ProductSearchSort.Relevance
            ? BitConverter.SingleToInt32Bits(((J2N.Numerics.Single)last.Fields[0]).ToSingle())
            : ((J2N.Numerics.Int64)last.Fields[0]).ToInt64();
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(3), primary);
        id.CopyTo(bytes, HeaderLength);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position to continue after, for a query sorted by <paramref name="sort"/>.</summary>
    public static FieldDoc Decode(string cursor, ProductSearchSort sort)
    {
        var bytes = cursor.Length <= MaxLength && Base64Url.IsValid(cursor) ? Base64Url.DecodeFromChars(cursor) : [];
        if (bytes.Length <= HeaderLength || bytes[0] != Marker || bytes[1] != Version || !Enum.IsDefined((ProductSearchSort)bytes[2]))
        {
            throw new InvalidSearchCursorException("The page token was not issued by this search engine.");
        }

        if ((ProductSearchSort)bytes[2] != sort)
        {
            throw new InvalidSearchCursorException("The page token belongs to a search with another sort.");
        }

        string id;
        try
        {
            id = StrictUtf8.GetString(bytes, HeaderLength, bytes.Length - HeaderLength);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidSearchCursorException("The page token was not issued by this search engine.");
        }

        var value = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(3));
        object primary;
        if (sort == ProductSearchSort.Relevance)
        {
            var score = BitConverter.Int32BitsToSingle(unchecked((int)value));
            if (value != unchecked((int)value) || !float.IsFinite(score))
            {
                throw new InvalidSearchCursorException("The page token was not issued by this search engine.");
            }

            primary = J2N.Numerics.Single.GetInstance(score);
        }
        else
        {
            primary = J2N.Numerics.Int64.GetInstance(value);
        }

        // No doc id: the product id already orders every hit, so the position is fully given by the values.
        return new FieldDoc(int.MaxValue, float.NaN, [primary, id]);
    }
}
