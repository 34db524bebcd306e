using System.Globalization;
using System.Text;

namespace Dixis.Auth.Accounts;

/// <summary>
/// Case and accent folding for the admin user search: <c>Γιώργος</c> and <c>γιωργος</c> fold to the same text, as
/// <c>José</c> and <c>jose</c> do.
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
                folded.Append(character == 'ς' ? 'σ' : char.ToLowerInvariant(character));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The stored search text of a user: email and display name, folded.</summary>
    public static string SearchTextOf(string email, string displayName) => Fold(email + " " + displayName);
}
