using System.Collections.Frozen;
using System.Reflection;
using Dixis.Contracts.Common.V1;
using Google.Protobuf.Reflection;

namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// The access rule each contract method declares (<c>dixis.common.v1.access</c>), by gRPC method path
/// (<c>/dixis.catalog.v1.ProductService/CreateProduct</c>), read once from the contracts assembly.
/// </summary>
public sealed class ContractAccessRules
{
    private readonly FrozenDictionary<string, AccessRule> rules;

    public ContractAccessRules()
        : this(typeof(AccessRule).Assembly)
    {
    }

    public ContractAccessRules(Assembly contractsAssembly)
    {
        ArgumentNullException.ThrowIfNull(contractsAssembly);
        rules = contractsAssembly.GetExportedTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(method => (Path: $"/{method.Service.FullName}/{method.Name}", Rule: method.GetOptions()?.GetExtension(AccessExtensions.Access)))
            .Where(entry => entry.Rule is not null)
            .ToFrozenDictionary(entry => entry.Path, entry => entry.Rule!, StringComparer.Ordinal);
    }

    /// <summary>The rule of a method, or null for methods outside the contracts (health, reflection).</summary>
    public AccessRule? For(string methodPath) => rules.GetValueOrDefault(methodPath);
}
