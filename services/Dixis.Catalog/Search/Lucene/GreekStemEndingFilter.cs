using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Dixis.Catalog.Search.Lucene;

/// <summary>
/// Trims a trailing <c>ι</c> or <c>ικ</c> from Greek stems. <see cref="global::Lucene.Net.Analysis.El.GreekStemFilter"/>
/// leaves them on some inflections of a word and not on others (<c>ελιές</c> → <c>ελι</c> but <c>ελιά</c> → <c>ελ</c>;
/// <c>κρητική</c> → <c>κρητικ</c> but <c>κρητικό</c> → <c>κρητ</c>), so one word would have two stems and a shopper's
/// plural would miss the singular. The price is that a few unrelated short stems meet, acceptable for recall.
/// </summary>
internal sealed class GreekStemEndingFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    public GreekStemEndingFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!keyword.IsKeyword)
        {
            var buffer = term.Buffer;
            var length = term.Length;
            if (length >= 4 && buffer[length - 2] == 'ι' && buffer[length - 1] == 'κ')
            {
                term.Length = length - 2;
            }
            else if (length >= 3 && buffer[length - 1] == 'ι')
            {
                term.Length = length - 1;
            }
        }

        return true;
    }
}
