namespace Dixis.ServiceDefaults.Security;

/// <summary>The roles of the access rule (<c>dixis.common.v1.AccessRule.roles</c>).</summary>
public static class CallerRoles
{
    public const string Customer = "customer";

    public const string Producer = "producer";

    public const string Admin = "admin";
}
