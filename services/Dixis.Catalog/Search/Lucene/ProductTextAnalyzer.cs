using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// The analysis of every field, at index and at query time alike. Text: Unicode word breaking, then case and accent
/// folding for both scripts (<see cref="LowerCaseFoldingFilter"/> drops Greek tonos and dialytika and maps final sigma;
/// <see cref="ASCIIFoldingFilter"/> drops Latin diacritics), so <c>ΜΕΛΙ</c>, <c>μέλι</c> and <c>Μέλι</c> are one term
/// and <c>Rosé</c> is <c>rose</c>. Stem fields add the language's stop words and stemmer; the name-start field keeps
/// only the first word. Keyword fields (ids, filter terms) are one term each, exactly as given: analysing them here
/// rather than as untokenized fields lets every document reuse one token stream per field and thread.
/// </summary>
internal sealed class ProductTextAnalyzer : Analyzer
{
    private readonly Dictionary<string, SearchLanguage> languageByStemField;
    private readonly HashSet<string> nameStartFields;
    private readonly HashSet<string> keywordFields = new(ProductFields.Keywords, StringComparer.Ordinal);

    public ProductTextAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        languageByStemField = SearchLanguage.All.ToDictionary(language => language.StemField, StringComparer.Ordinal);
        nameStartFields = SearchLanguage.All.Select(language => language.NameStartField).ToHashSet(StringComparer.Ordinal);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (keywordFields.Contains(fieldName))
        {
            return new TokenStreamComponents(new KeywordTokenizer(reader));
        }

        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFoldingFilter(tokenizer));
        if (languageByStemField.TryGetValue(fieldName, out var language))
        {
            stream = language.Stem(stream);
        }
        else if (nameStartFields.Contains(fieldName))
        {
            stream = new LimitTokenCountFilter(stream, 1);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// Composes decomposed accents (NFC) before analysis: the folding filters know <c>ό</c> as one character, not as
    /// <c>ο</c> followed by a combining acute, which is how some keyboards and copied texts send it.
    /// </summary>
    public static string Compose(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
