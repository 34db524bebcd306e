using Dixis.Contracts.Common.V1;
using Dixis.Contracts.Tests.Descriptors;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>Who may call a method is declared on every RPC, in a form the gateway can enforce.</summary>
public sealed class AccessRuleTests
{
    private static readonly HashSet<string> KnownRoles = ["customer", "producer", "admin"];

    private static readonly HashSet<string> KnownScopes =
        ["catalog.read", "catalog.write", "inventory.write", "orders.read", "orders.write", "shipping.write"];

    [Fact]
    public void Every_rpc_declares_an_audience()
    {
        var missing = ContractDescriptors.Methods
            .Where(method => method.Access() is not { Audience: not Audience.Unspecified })
            .Select(method => method.FullName);

        Assert.Empty(missing);
    }

    [Fact]
    public void Role_rules_name_known_roles_and_scopes()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.Access() is { Audience: Audience.Roles } rule
                && (rule.Roles.Count == 0
                    || !rule.Roles.All(KnownRoles.Contains)
                    || !rule.Scopes.All(KnownScopes.Contains)))
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Partner_rules_name_known_scopes_and_no_roles()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.Access() is { Audience: Audience.Partner } rule
                && (rule.Scopes.Count == 0 || rule.Roles.Count > 0 || !rule.Scopes.All(KnownScopes.Contains)))
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Public_authenticated_and_internal_rules_list_no_roles_or_scopes()
    {
        var wrong = ContractDescriptors.Methods
            .Where(method => method.Access() is { } rule
                && rule.Audience is Audience.Public or Audience.Authenticated or Audience.Internal
                && (rule.Roles.Count > 0 || rule.Scopes.Count > 0))
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }
}
