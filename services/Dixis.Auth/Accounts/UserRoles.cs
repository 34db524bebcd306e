using System.Collections.Frozen;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Security;

namespace Dixis.Auth.Accounts;

/// <summary>Roles between the contract's enum and the names tokens and stored users carry (<c>customer</c>, <c>producer</c>, <c>admin</c>).</summary>
public static class UserRoles
{
    private static readonly FrozenDictionary<Role, string> Names = new Dictionary<Role, string>
    {
        [Role.Customer] = CallerRoles.Customer,
        [Role.Producer] = CallerRoles.Producer,
        [Role.Admin] = CallerRoles.Admin,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Role> Values = Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string NameOf(Role role) => Names[role];

    public static bool IsKnown(Role role) => Names.ContainsKey(role);

    /// <summary>The stored names in a stable order (customer, producer, admin), so equal sets compare equal.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Where(Values.ContainsKey).OrderBy(name => Values[name])];

    public static IEnumerable<Role> ToContract(IEnumerable<string> names) => names.Where(Values.ContainsKey).Select(name => Values[name]);
}
