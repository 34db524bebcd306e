using System.Globalization;
using System.Text.RegularExpressions;
using Dixis.ServiceDefaults.Grpc;

namespace Dixis.Auth.Accounts;

/// <summary>The rules of the account fields users write themselves, shared by registration and profile updates.</summary>
public static partial class AccountFields
{
    public const int MaxDisplayNameLength = 100;

    public static void CheckDisplayName(string displayName, string field, FieldViolations violations)
    {
        var trimmed = displayName.Trim();
        if (trimmed.Length == 0)
        {
            violations.Add(field, "is required.");
        }
        else if (new StringInfo(trimmed).LengthInTextElements > MaxDisplayNameLength)
        {
            violations.Add(field, $"must be at most {MaxDisplayNameLength} characters long.");
        }
        else if (trimmed.Any(char.IsControl))
        {
            violations.Add(field, "must not contain control characters.");
        }
    }

    public static void CheckLanguageCode(string languageCode, string field, FieldViolations violations)
    {
        if (!LanguageCode().IsMatch(languageCode))
        {
            violations.Add(field, "must be a BCP-47 language code such as 'el' or 'en'.");
        }
    }

    public static void CheckPhoneNumber(string phoneNumber, string field, FieldViolations violations)
    {
        if (phoneNumber.Length > 0 && !PhoneNumber().IsMatch(phoneNumber))
        {
            violations.Add(field, "must be in E.164 form, e.g. '+302101234567', or empty to remove it.");
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
