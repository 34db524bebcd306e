using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// A language the index analyses: its own text fields, and how its words are reduced to stems after the
/// shared case and accent folding. Texts in languages without an entry here are not searchable; a market
/// with another language adds an entry (Lucene ships stemmers for most European languages).
/// </summary>
internal sealed class SearchLanguage
{
    public static readonly SearchLanguage Greek = new(
        "el",
        stream => new GreekStemEndingFilter(new GreekStemFilter(new StopFilter(LuceneVersion.LUCENE_48, stream, GreekAnalyzer.DefaultStopSet))));

    public static readonly SearchLanguage English = new(
        "en",
        stream => new PorterStemFilter(new StopFilter(LuceneVersion.LUCENE_48, new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, stream), EnglishAnalyzer.DefaultStopSet)));

    /// <summary>Every language indexed, in the order fields are listed in the schema fingerprint.</summary>
    public static readonly IReadOnlyList<SearchLanguage> All = [Greek, English];

    private readonly Func<TokenStream, TokenStream> stem;

    private SearchLanguage(string code, Func<TokenStream, TokenStream> stem)
    {
        Code = code;
        this.stem = stem;
        NameField = "name." + code;
        NameStartField = "name_start." + code;
        StemField = "stem." + code;
        ShortTextField = "short." + code;
    }

    /// <summary>The BCP-47 code texts are keyed by, e.g. <c>el</c>.</summary>
    public string Code { get; }

    /// <summary>The product name, folded but not stemmed: suggestions.</summary>
    public string NameField { get; }

    /// <summary>Only the first word of the name, folded: suggestions that start the name rank first.</summary>
    public string NameStartField { get; }

    /// <summary>
    /// Every text of the product in this language, folded and reduced to stems (<c>olives</c> meets <c>olive</c>): what
    /// words match.
    /// </summary>
    public string StemField { get; }

    /// <summary>
    /// The short texts (names, category names, attribute labels, brand, producer), folded but not stemmed: what a typo is
    /// matched against, and stop words. Descriptions are left out: long, costly to index twice, and rarely what is typed.
    /// </summary>
    public string ShortTextField { get; }

    /// <summary>The languages a query searches: the one asked for, or all when none (or one not indexed) is asked for.</summary>
    public static IReadOnlyList<SearchLanguage> For(string? code)
    {
        foreach (var language in All)
        {
            if (string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return [language];
            }
        }

        return All;
    }

    /// <summary>Stop words and stemming, applied to an already folded stream.</summary>
    public TokenStream Stem(TokenStream folded) => stem(folded);
}
