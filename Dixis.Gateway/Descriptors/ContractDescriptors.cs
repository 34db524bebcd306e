using System.Reflection;
using Dixis.Contracts.Common.V1;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Dixis.Gateway.Descriptors;

/// <summary>
/// Every proto file, service and method of the Dixis contracts, read once from the contracts assembly.
/// The OpenAPI document, the JSON error details and (later) access enforcement all read this one source,
/// so none of them can disagree with the contracts.
/// </summary>
public sealed class ContractDescriptors
{
    public ContractDescriptors()
        : this(typeof(AccessRule).Assembly)
    {
    }

    public ContractDescriptors(Assembly contractsAssembly)
    {
        ArgumentNullException.ThrowIfNull(contractsAssembly);

        Files = [.. contractsAssembly.GetExportedTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .Where(file => file.Package.StartsWith("dixis.", StringComparison.Ordinal))
            .OrderBy(file => file.Name, StringComparer.Ordinal)];

        Services = [.. Files.SelectMany(file => file.Services)];

        // Everything a google.protobuf.Any in an error or a payload may carry: the contracts, their
        // dependencies and the google.rpc error details.
        TypeRegistry = TypeRegistry.FromFiles([.. Files, Google.Rpc.ErrorDetailsReflection.Descriptor, Google.Rpc.StatusReflection.Descriptor]);
    }

    /// <summary>The contract files (packages <c>dixis.*</c>), ordered by name.</summary>
    public IReadOnlyList<FileDescriptor> Files { get; }

    /// <summary>Every service of the contracts.</summary>
    public IReadOnlyList<ServiceDescriptor> Services { get; }

    /// <summary>Message types a <c>google.protobuf.Any</c> may hold when rendered as JSON.</summary>
    public TypeRegistry TypeRegistry { get; }

    /// <summary>The access rule a method declares, or null when it declares none (a contract error the contract tests catch).</summary>
    public static AccessRule? AccessOf(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.GetOptions()?.GetExtension(AccessExtensions.Access);
    }

    /// <summary>Whether the gateway exposes a method: everything except service-to-service (INTERNAL) methods.</summary>
    public static bool IsPublic(MethodDescriptor method) => AccessOf(method)?.Audience is not (null or Audience.Internal or Audience.Unspecified);
}
