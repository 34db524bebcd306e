using System.Reflection;
using Dixis.Contracts.Common.V1;
using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Descriptors;

/// <summary>
/// Every Dixis descriptor compiled into the contracts assembly. Found by reflection, so a
/// new .proto file is checked by every rule without editing the tests.
/// </summary>
internal static class ContractDescriptors
{
    public static IReadOnlyList<FileDescriptor> Files { get; } = LoadFiles();

    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
        [.. Files.SelectMany(file => file.Services)];

    public static IReadOnlyList<MethodDescriptor> Methods { get; } =
        [.. Services.SelectMany(service => service.Methods)];

    public static IReadOnlyList<MessageDescriptor> Messages { get; } =
        [.. Files.SelectMany(file => file.MessageTypes).SelectMany(WithNested)];

    private static FileDescriptor[] LoadFiles() =>
        [.. typeof(AccessReflection).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(file => file.Package.StartsWith("dixis.", StringComparison.Ordinal))
            .OrderBy(file => file.Name, StringComparer.Ordinal)];

    private static IEnumerable<MessageDescriptor> WithNested(MessageDescriptor message) =>
        message.NestedTypes.SelectMany(WithNested).Prepend(message);
}
