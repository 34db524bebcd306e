using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Builds the full-text query from analysed words, in code (never by parsing the shopper's text). Every word must
/// match in some field of a searched language. Per word, an exact or stemmed match earns a fixed bonus far above
/// anything BM25 or a fuzzy match can add, so products matching more words exactly always rank first, and a typo
/// (<c>fetta</c>, <c>thime</c>) still finds the product, below the exact matches.
/// </summary>
internal static class ProductTextQuery
{
    /// <summary>The per-word bonus of an exact or stemmed match; BM25 scores here stay below ~150.</summary>
    private const float ExactMatchBonus = 1000f;

    /// <summary>A word in the name weighs more than the same word in a description.</summary>
    private const float NameBoost = 3f;

    /// <summary>A stem match is slightly weaker evidence than the word as typed.</summary>
    private const float StemBoost = 0.8f;

    /// <summary>Fuzzy matches only order the typo matches among themselves.</summary>
    private const float FuzzyBoost = 0.1f;

    /// <summary>How much the other matching fields add to the best one (dis-max tie breaker).</summary>
    private const float OtherFieldsWeight = 0.1f;

    /// <summary>The most index terms one misspelled word expands to.</summary>
    private const int MaxFuzzyExpansions = 50;

    public static Query Build(IReadOnlyList<QueryWord> words, IReadOnlyList<SearchLanguage> languages)
    {
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        if (words.Count == 1)
        {
            return Word(words[0], languages);
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            all.Add(Word(word, languages), Occur.MUST);
        }

        return all;
    }

    /// <summary>Typo tolerance scaled to the word: none up to 2 letters, one edit up to 5, two beyond; none for numbers and sizes.</summary>
    internal static int MaxEdits(string word) =>
        word.Any(char.IsDigit) ? 0 : word.Length switch
        {
            <= 2 => 0,
            <= 5 => 1,
            _ => 2,
        };

    private static Query Word(QueryWord word, IReadOnlyList<SearchLanguage> languages)
    {
        var exact = new DisjunctionMaxQuery(OtherFieldsWeight);
        for (var index = 0; index < languages.Count; index++)
        {
            var language = languages[index];
            exact.Add(new TermQuery(new Term(language.NameField, word.Folded)) { Boost = NameBoost });
            exact.Add(new TermQuery(new Term(language.TextField, word.Folded)));
            foreach (var stem in word.StemsByLanguage[index])
            {
                exact.Add(new TermQuery(new Term(language.StemField, stem)) { Boost = StemBoost });
            }
        }

        var matches = new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(exact) { Boost = ExactMatchBonus }, Occur.SHOULD },
            { exact, Occur.SHOULD },
        };

        var maxEdits = MaxEdits(word.Folded);
        if (maxEdits > 0)
        {
            var fuzzy = new DisjunctionMaxQuery(0f) { Boost = FuzzyBoost };
            foreach (var language in languages)
            {
                fuzzy.Add(new FuzzyQuery(new Term(language.TextField, word.Folded), maxEdits, prefixLength: 0, MaxFuzzyExpansions, transpositions: true));
            }

            matches.Add(fuzzy, Occur.SHOULD);
        }

        return matches;
    }
}
