using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Autocomplete over product names: every typed word must be a word of the name, the last one as a prefix (it is
/// still being typed). Among those, names that start with the typed text come first, then names where the last word is
/// already complete; the sort (<see cref="ProductSorts.Suggestions"/>) then prefers shorter names.
/// </summary>
internal static class SuggestionQuery
{
    private const float StartsTheNameBoost = 4f;
    private const float CompleteWordBoost = 2f;

    public static Query Build(IReadOnlyList<string> words, IReadOnlyList<SearchLanguage> languages)
    {
        // Each part scores once however many languages match, so the score is 1 + 4 (starts the name) + 2 (complete word).
        var inSomeLanguage = new BooleanQuery(disableCoord: true);
        var startsTheName = new DisjunctionMaxQuery(0f) { Boost = StartsTheNameBoost };
        var completeWord = new DisjunctionMaxQuery(0f) { Boost = CompleteWordBoost };
        var last = words[^1];
        foreach (var language in languages)
        {
            var name = new BooleanQuery(disableCoord: true);
            foreach (var word in words.Take(words.Count - 1))
            {
                name.Add(new TermQuery(new Term(language.NameField, word)), Occur.MUST);
            }

            name.Add(Prefix(language.NameField, last), Occur.MUST);
            inSomeLanguage.Add(name, Occur.SHOULD);

            startsTheName.Add(new ConstantScoreQuery(words.Count == 1 ? Prefix(language.NameStartField, last) : new TermQuery(new Term(language.NameStartField, words[0]))));
            completeWord.Add(new ConstantScoreQuery(new TermQuery(new Term(language.NameField, last))));
        }

        return new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(inSomeLanguage), Occur.MUST },
            { startsTheName, Occur.SHOULD },
            { completeWord, Occur.SHOULD },
        };
    }

    /// <summary>Constant score: a one-letter prefix expands to many terms, which must neither weigh in nor hit the clause limit.</summary>
    private static PrefixQuery Prefix(string field, string prefix) =>
        new(new Term(field, prefix)) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE };

    /// <summary>Whether a name's folded words contain the typed words, the last one as a prefix (which language matched).</summary>
    public static bool Matches(IReadOnlyList<string> nameWords, IReadOnlyList<string> typedWords)
    {
        for (var index = 0; index < typedWords.Count - 1; index++)
        {
            if (!nameWords.Contains(typedWords[index], StringComparer.Ordinal))
            {
                return false;
            }
        }

        return nameWords.Any(word => word.StartsWith(typedWords[^1], StringComparison.Ordinal));
    }
}
