using System.Text.RegularExpressions;

namespace Dixis.AppHost.Dashboard;

/// <summary>
/// Hides secrets before the dashboard shows an environment: whole values of variables whose name says
/// secret (PASSWORD, SECRET, TOKEN, KEY, HEADERS), and passwords inside connection strings
/// (<c>password=…</c>, <c>mongodb://user:…@host</c>).
/// </summary>
internal static partial class SecretMasker
{
    /// <summary>What a hidden value shows as.</summary>
    public const string Hidden = "••••••";

    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "KEY", "HEADERS"];

    /// <summary>The value as it may be shown.</summary>
    public static string Mask(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Hidden;
        }

        var masked = PasswordSetting().Replace(value, match => match.Groups["name"].Value + Hidden);
        return UriCredentials().Replace(masked, match => match.Groups["user"].Value + Hidden + "@");
    }

    /// <summary>The environment as it may be shown.</summary>
    public static IReadOnlyDictionary<string, string> Mask(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(pair => pair.Key, pair => Mask(pair.Key, pair.Value), StringComparer.Ordinal);

    // password=… up to the next separator of ADO.NET-style (;) and StackExchange.Redis-style (,) strings.
    [GeneratedRegex(@"(?<name>\b(?:password|pwd)\s*=\s*)[^;,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();

    // scheme://user:password@host → keep the user, hide the password.
    [GeneratedRegex(@"(?<user>[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@/\s]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriCredentials();
}
