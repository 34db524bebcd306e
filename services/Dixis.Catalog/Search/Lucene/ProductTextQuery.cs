using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Builds the full-text query from analysed words, in code (never by parsing the shopper's text). Every word must
/// match in some searched language: by its stem in any text of the product (names count three times, see
/// <see cref="ProductDocumentFactory"/>), or, for a stop word, which has no stem, in the short texts. An exact or
/// stemmed match earns a fixed per-word bonus far above anything BM25 or a fuzzy match adds, so products matching more
/// words as typed always rank first. A word that (almost) no product contains is taken for a typo (<c>fetta</c>,
/// <c>thime</c>) and also matched fuzzily against the folded short texts, below the exact matches; known words are not,
/// which keeps the common case cheap (a fuzzy expansion costs more than the rest of the query). Terms the index does not
/// hold are left out of the query rather than searched for.
/// </summary>
internal static class ProductTextQuery
{
    /// <summary>The per-word bonus of an exact or stemmed match; BM25 and fuzzy scores here stay far below it.</summary>
    private const float ExactMatchBonus = 1000f;

    /// <summary>Fuzzy matches only order the typo matches among themselves.</summary>
    private const float FuzzyBoost = 0.1f;

    /// <summary>How much a match in the other language adds to the best one (dis-max tie breaker).</summary>
    private const float OtherLanguagesWeight = 0.1f;

    /// <summary>The most index terms one misspelled word expands to.</summary>
    private const int MaxFuzzyExpansions = 50;

    /// <summary>A word whose stems are in fewer products than this may be a typo: it is matched fuzzily too.</summary>
    private const int TypoDocumentFrequency = 3;

    public static Query Build(IReadOnlyList<QueryWord> words, IReadOnlyList<SearchLanguage> languages, IndexReader reader)
    {
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        if (words.Count == 1)
        {
            return Word(words[0], languages, reader);
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            all.Add(Word(word, languages, reader), Occur.MUST);
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

    private static Query Word(QueryWord word, IReadOnlyList<SearchLanguage> languages, IndexReader reader)
    {
        var exact = new List<Query>(languages.Count);
        var documents = 0;
        for (var index = 0; index < languages.Count; index++)
        {
            var language = languages[index];
            var stems = word.StemsByLanguage[index];

            // A stop word in this language has no stem: only the unstemmed short texts hold it.
            var terms = stems.Count == 0 ? [new Term(language.ShortTextField, word.Folded)] : stems.Select(stem => new Term(language.StemField, stem));
            foreach (var term in terms)
            {
                // Looked up once: the same per-segment states then serve the query, which would look the term up again.
                var states = TermContext.Build(reader.Context, term);
                if (states.DocFreq > 0)
                {
                    exact.Add(new TermQuery(term, states));
                    documents += states.DocFreq;
                }
            }
        }

        var matches = new List<Query>(2);
        if (exact.Count > 0)
        {
            matches.Add(new MatchBonusQuery(exact.Count == 1 ? exact[0] : new DisjunctionMaxQuery(exact, OtherLanguagesWeight), ExactMatchBonus));
        }

        var maxEdits = MaxEdits(word.Folded);
        if (maxEdits > 0 && documents < TypoDocumentFrequency)
        {
            var fuzzy = new DisjunctionMaxQuery(0f) { Boost = FuzzyBoost };
            foreach (var language in languages)
            {
                fuzzy.Add(new FuzzyQuery(new Term(language.ShortTextField, word.Folded), maxEdits, prefixLength: 0, MaxFuzzyExpansions, transpositions: true));
            }

            matches.Add(fuzzy);
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        // Two alternatives, or none: an empty disjunction matches nothing, so neither does the whole query.
        var either = new BooleanQuery(disableCoord: true);
        foreach (var match in matches)
        {
            either.Add(match, Occur.SHOULD);
        }

        return either;
    }
}
