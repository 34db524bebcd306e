using Dixis.Contracts.Common.V1;

namespace Dixis.Catalog.Text;

/// <summary>Conversions between the contract's <see cref="LocalizedText"/> and the stored language → text maps.</summary>
public static class LocalizedTexts
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static LocalizedText ToContract(IReadOnlyDictionary<string, string>? values)
    {
        var text = new LocalizedText();
        if (values is not null)
        {
            foreach (var (language, value) in values)
            {
                text.Values[language] = value;
            }
        }

        return text;
    }

    /// <summary>The stored form: languages in ordinal order, so equal texts serialize equally.</summary>
    public static IReadOnlyDictionary<string, string> ToRecord(LocalizedText? text) =>
        text is null || text.Values.Count == 0
            ? Empty
            : new SortedDictionary<string, string>(text.Values, StringComparer.Ordinal);

    /// <summary>The text in <paramref name="language"/>, else in <paramref name="defaultLanguage"/>, else any; empty when none.</summary>
    public static string Pick(IReadOnlyDictionary<string, string>? values, string? language, string defaultLanguage)
    {
        if (values is null || values.Count == 0)
        {
            return string.Empty;
        }

        if (language is not null && values.TryGetValue(language, out var exact))
        {
            return exact;
        }

        return values.TryGetValue(defaultLanguage, out var fallback) ? fallback : values.OrderBy(pair => pair.Key, StringComparer.Ordinal).First().Value;
    }
}
