using System.Collections.Frozen;

namespace Dixis.Auth.Passwords;

/// <summary>The shipped list of common passwords (embedded <c>common-passwords.txt</c>), compared lower-cased.</summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "Dixis.Auth.Passwords.common-passwords.txt";

    private readonly FrozenSet<string> passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var list = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                list.Add(entry.ToLowerInvariant());
            }
        }

        passwords = list.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(password.ToLowerInvariant());
}
