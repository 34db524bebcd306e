using System.Text;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The doc-values term of a facet value: the value together with its display label, as length-prefixed UTF-8
/// parts, so counting a facet needs no second lookup for labels. Parts: producer <c>[id, name]</c>, category
/// <c>[id, language, name, …]</c>, attribute <c>[key, value, language, label, …]</c>.
/// </summary>
internal static class FacetTerm
{
    /// <summary>Labels longer than this are cut: a facet shows a word or two, and doc-values terms are limited to 32 KB.</summary>
    private const int MaxLabelLength = 200;

    public static BytesRef Encode(string first, string? second, IReadOnlyDictionary<string, string>? label)
    {
        var parts = new List<string>(2 + (2 * (label?.Count ?? 0))) { first };
        if (second is not null)
        {
            parts.Add(second);
        }

        if (label is not null)
        {
            foreach (var (language, text) in label.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                parts.Add(language);
                parts.Add(text.Length > MaxLabelLength ? text[..MaxLabelLength] : text);
            }
        }

        var byteCounts = parts.Select(Encoding.UTF8.GetByteCount).ToArray();
        var buffer = new byte[byteCounts.Sum(count => LengthOfLength(count) + count)];
        var position = 0;
        for (var index = 0; index < parts.Count; index++)
        {
            position += WriteLength(buffer, position, byteCounts[index]);
            position += Encoding.UTF8.GetBytes(parts[index], 0, parts[index].Length, buffer, position);
        }

        return new BytesRef(buffer, 0, position);
    }

    public static string[] Decode(BytesRef term)
    {
        var parts = new List<string>(4);
        var position = term.Offset;
        var end = term.Offset + term.Length;
        while (position < end)
        {
            var length = ReadLength(term.Bytes, ref position);
            parts.Add(Encoding.UTF8.GetString(term.Bytes, position, length));
            position += length;
        }

        return [.. parts];
    }

    /// <summary>The language → text pairs from <paramref name="start"/> on, or null when there are none.</summary>
    public static IReadOnlyDictionary<string, string>? Label(string[] parts, int start)
    {
        if (parts.Length - start < 2)
        {
            return null;
        }

        var label = new Dictionary<string, string>((parts.Length - start) / 2, StringComparer.Ordinal);
        for (var index = start; index + 1 < parts.Length; index += 2)
        {
            label[parts[index]] = parts[index + 1];
        }

        return label;
    }

    private static int LengthOfLength(int length) => length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : 4;

    private static int WriteLength(byte[] buffer, int position, int length)
    {
        var written = 0;
        var value = (uint)length;
        while (value >= 0x80)
        {
            buffer[position + written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[position + written++] = (byte)value;
        return written;
    }

    private static int ReadLength(byte[] bytes, ref int position)
    {
        var value = 0;
        var shift = 0;
        byte current;
        do
        {
            current = bytes[position++];
            value |= (current & 0x7F) << shift;
            shift += 7;
        }
        while ((current & 0x80) != 0);

        return value;
    }
}
