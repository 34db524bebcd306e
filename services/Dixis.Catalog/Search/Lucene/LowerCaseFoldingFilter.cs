using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Lower-cases every script and folds Greek the way <c>GreekLowerCaseFilter</c> does: tonos and dialytika dropped
/// (<c>ά</c> → <c>α</c>, <c>ΐ</c> → <c>ι</c>), final sigma made <c>σ</c>. The same mapping, read from a table built
/// once: Lucene.Net's filter looks each character up through a culture-aware call and took a sixth of all rebuild time.
/// </summary>
internal sealed class LowerCaseFoldingFilter : TokenFilter
{
    private static readonly char[] Folded = BuildTable();

    private readonly ICharTermAttribute term;

    public LowerCaseFoldingFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = term.Buffer;
        for (var index = 0; index < term.Length; index++)
        {
            buffer[index] = Folded[buffer[index]];
        }

        return true;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var character = (char)code;
            table[code] = char.IsSurrogate(character) ? character : FoldGreek(char.ToLowerInvariant(character));
        }

        return table;
    }

    private static char FoldGreek(char lower) => lower switch
    {
        'ς' => 'σ',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' or 'ϊ' or 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' or 'ϋ' or 'ΰ' => 'υ',
        'ώ' => 'ω',
        _ => lower,
    };
}
