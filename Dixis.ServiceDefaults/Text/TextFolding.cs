using System.Globalization;
using System.Text;

namespace Dixis.ServiceDefaults.Text;

/// <summary>
/// Case and accent folding for ordering, prefix and substring matching outside a search engine (producer and
/// category names, user search): <c>Ελαιόλαδο</c> and <c>ελαιολαδο</c> fold to the same key, as <c>Rosé</c> and <c>rose</c> do.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                // Final sigma folds to sigma, so a word typed without it still matches.
                folded.Append(character == 'ς' ? 'σ' : char.ToLowerInvariant(character));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
