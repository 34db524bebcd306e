using System.Text.RegularExpressions;

namespace Dixis.Auth.Accounts;

/// <summary>Email addresses as accounts use them: trimmed and lower-cased, so one mailbox is one account.</summary>
public static partial class EmailAddresses
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    public static string Normalize(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Whether a normalized address has the shape <c>local@domain.tld</c> (no spaces, one @, a dot in the domain).</summary>
    public static bool IsValid(string normalized) => normalized.Length <= MaxLength && Shape().IsMatch(normalized);

    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}.]+(\.[^@\s\p{C}.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
