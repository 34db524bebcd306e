using Google.Protobuf.Collections;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>Which language of a text to show: the requested one, else the market's default, else the first present (by code, so it is stable).</summary>
internal static class LocalizedTextChoice
{
    public static string? Choose(MapField<string, string> values, string? requested, string defaultLanguage)
    {
        if (requested is not null && values.TryGetValue(requested, out var text) && text.Length > 0)
        {
            return text;
        }

        if (values.TryGetValue(defaultLanguage, out var fallback) && fallback.Length > 0)
        {
            return fallback;
        }

        return values.Where(entry => entry.Value.Length > 0).OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).FirstOrDefault();
    }
}
