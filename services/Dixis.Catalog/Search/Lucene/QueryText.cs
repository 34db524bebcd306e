using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Reads a shopper's text as plain words with the index's own analysis: nothing in it is query syntax, so
/// <c>AND (</c>, <c>*:*</c> or a stray quote are just characters, and punctuation alone leaves no words.
/// </summary>
internal static class QueryText
{
    /// <summary>More words than this are ignored: they cannot narrow a product search further, and each costs a fuzzy expansion.</summary>
    public const int MaxWords = 32;

    /// <summary>The distinct folded words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Fold(Analyzer analyzer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = Analyze(analyzer, SearchLanguage.All[0].NameField, ProductTextAnalyzer.Compose(text));
        return words.Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
    }

    /// <summary>
    /// The words every match must contain, analysed for <paramref name="languages"/>. Stop words are left out
    /// (<c>honey with thyme</c> finds <c>Thyme honey</c>) unless the text has nothing else.
    /// </summary>
    public static IReadOnlyList<QueryWord> Words(Analyzer analyzer, string? text, IReadOnlyList<SearchLanguage> languages)
    {
        var words = Fold(analyzer, text)
            .Select(folded => new QueryWord(folded, languages.Select(language => (IReadOnlyList<string>)Analyze(analyzer, language.StemField, folded)).ToList()))
            .ToList();
        var meaningful = words.Where(word => !word.IsStopWord).ToList();
        return meaningful.Count > 0 ? meaningful : words;
    }

    private static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
