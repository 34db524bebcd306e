using Dixis.ServiceDefaults.Text;

namespace Dixis.Auth.Accounts;

/// <summary>The stored search text of a user, for the admin user search: email and display name, case and accent folded.</summary>
public static class UserSearchText
{
    public static string Of(string email, string displayName) => TextFolding.Fold(email + " " + displayName);
}
