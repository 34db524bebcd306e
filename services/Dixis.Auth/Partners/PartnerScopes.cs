using System.Collections.Frozen;

namespace Dixis.Auth.Partners;

/// <summary>The scopes a partner client may be granted (the values listed in <c>dixis.common.v1.AccessRule.scopes</c>).</summary>
public static class PartnerScopes
{
    public static FrozenSet<string> All { get; } = new[]
    {
        "catalog.read", "catalog.write", "inventory.write", "orders.read", "orders.write", "shipping.write",
    }.ToFrozenSet(StringComparer.Ordinal);
}
