using System.Text.RegularExpressions;
using Dixis.Contracts.Common.V1;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Catalog.Text;

/// <summary>The rules every localized text of the catalog follows: BCP-47 keys, trimmed non-empty values, a length limit.</summary>
public static partial class LocalizedTextRules
{
    /// <summary>
    /// Adds a violation per bad language or text of <paramref name="text"/> at <paramref name="field"/>; with
    /// <paramref name="requiredLanguage"/> (the market's default) the text must have that language.
    /// </summary>
    public static void Check(FieldViolations violations, string field, LocalizedText? text, int maxLength, string? requiredLanguage)
    {
        var values = text?.Values;
        if (requiredLanguage is not null && (values is null || !values.TryGetValue(requiredLanguage, out var required) || string.IsNullOrWhiteSpace(required)))
        {
            violations.Add($"{field}.values", $"is required in the market's default language '{requiredLanguage}'.");
        }

        if (values is null)
        {
            return;
        }

        if (values.Count > 10)
        {
            violations.Add($"{field}.values", $"has {values.Count} languages; at most 10 are allowed.");
            return;
        }

        foreach (var (language, value) in values)
        {
            if (!Language().IsMatch(language))
            {
                violations.Add($"{field}.values", $"key '{Shorten(language)}' is not a BCP-47 language code such as 'el' or 'en'.");
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                violations.Add($"{field}.values[{language}]", "must not be empty; leave the language out instead.");
            }
            else if (value.Length > maxLength)
            {
                violations.Add($"{field}.values[{language}]", $"is {value.Length} characters long; the maximum is {maxLength}.");
            }
        }
    }

    /// <summary>Whether <paramref name="code"/> is a BCP-47 language code such as <c>el</c> or <c>en-GB</c>.</summary>
    public static bool IsLanguageCode(string code) => Language().IsMatch(code);

    /// <summary>Echoed input is cut, so an oversized value does not make an oversized error.</summary>
    public static string Shorten(string value) => value.Length <= 32 ? value : string.Concat(value.AsSpan(0, 32), "…");

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Language();
}
