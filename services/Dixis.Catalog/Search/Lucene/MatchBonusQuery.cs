using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Scores a match as its own score plus a fixed bonus. Added per word, the bonus makes every exact or stemmed match
/// outrank any typo match, whatever BM25 says, while BM25 still orders matches within a tier. One scorer does both,
/// so the word's postings are read once.
/// </summary>
internal sealed class MatchBonusQuery(Query match, float bonus) : CustomScoreQuery(match)
{
    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new BonusProvider(context, bonus);

    private sealed class BonusProvider(AtomicReaderContext context, float bonus) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float[] valSrcScores) => subQueryScore + bonus;
    }
}
