using Dixis.Contracts.Tests.Descriptors;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>Standard updates are partial, named by a field mask (AIP-134), so no client overwrites fields it did not mean to.</summary>
public sealed class UpdateMaskTests
{
    [Fact]
    public void Every_standard_update_has_an_update_mask()
    {
        var standardUpdates = StandardUpdates().ToArray();

        Assert.True(standardUpdates.Length >= 6);
        Assert.Empty(standardUpdates
            .Where(method => method.InputType.FindFieldByName("update_mask") is not { FieldType: FieldType.Message } mask
                || mask.MessageType.FullName != FieldMask.Descriptor.FullName)
            .Select(method => method.FullName));
    }

    [Fact]
    public void Every_standard_update_is_a_patch_of_its_resource()
    {
        var wrong = StandardUpdates()
            .Where(method => method.Http() is not { } rule
                || HttpBinding.From(rule) is not { Verb: "PATCH" } binding
                || binding.Body != ResourceField(method))
            .Select(method => method.FullName);

        Assert.Empty(wrong);
    }

    /// <summary>
    /// <c>Update&lt;Resource&gt;</c> whose request carries the resource as a message field named after it
    /// (AIP-134). Custom verbs that start with "Update" but set one value, such as
    /// <c>UpdateCartLine</c>, are not standard updates.
    /// </summary>
    private static IEnumerable<MethodDescriptor> StandardUpdates() =>
        ContractDescriptors.Methods.Where(method =>
            method.Name.StartsWith("Update", StringComparison.Ordinal)
            && method.InputType.FindFieldByName(ResourceField(method)) is { FieldType: FieldType.Message });

    private static string ResourceField(MethodDescriptor method) =>
        string.Concat(method.Name["Update".Length..].Select((c, i) =>
            char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
