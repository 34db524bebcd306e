using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Dixis.Auth.Passwords;

/// <summary>What a new password must be: long enough, not on the common list, and not absurdly long (hashing cost).</summary>
public sealed class PasswordPolicy(CommonPasswords commonPasswords, IOptions<PasswordOptions> options)
{
    /// <summary>Beyond this a password is refused: hashing megabytes would be a cheap way to burn CPU.</summary>
    public const int MaximumLength = 256;

    /// <summary>Adds a violation naming <paramref name="field"/> when <paramref name="password"/> is not acceptable.</summary>
    public void Check(string password, string field, FieldViolations violations)
    {
        var minimum = options.Value.MinimumLength;
        if (password.Length < minimum)
        {
            violations.Add(field, $"must be at least {minimum} characters long.", AuthErrors.Reason(ErrorReason.PasswordTooShort));
        }
        else if (password.Length > MaximumLength)
        {
            violations.Add(field, $"must be at most {MaximumLength} characters long.");
        }
        else if (commonPasswords.Contains(password))
        {
            violations.Add(field, "is one of the most common passwords; choose another.", AuthErrors.Reason(ErrorReason.PasswordTooCommon));
        }
    }
}
