using Dixis.Contracts.Tests.Descriptors;
using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>Lists page the AIP-158 way, so every client pages the same way.</summary>
public sealed class PagingTests
{
    [Fact]
    public void Every_list_request_has_page_size_and_page_token()
    {
        var broken = ListLikeMethods()
            .Where(method => method.InputType.FindFieldByName("page_size") is not { FieldType: FieldType.Int32, IsRepeated: false }
                || method.InputType.FindFieldByName("page_token") is not { FieldType: FieldType.String, IsRepeated: false })
            .Select(method => method.FullName);

        Assert.Empty(broken);
    }

    [Fact]
    public void Every_list_response_has_next_page_token()
    {
        var broken = ListLikeMethods()
            .Where(method => method.OutputType.FindFieldByName("next_page_token") is not { FieldType: FieldType.String, IsRepeated: false })
            .Select(method => method.FullName);

        Assert.Empty(broken);
    }

    [Fact]
    public void There_are_list_methods_to_check()
    {
        Assert.True(ListLikeMethods().Count() >= 15);
    }

    /// <summary>Standard List methods and every method that takes a page token (e.g. search).</summary>
    private static IEnumerable<MethodDescriptor> ListLikeMethods() =>
        ContractDescriptors.Methods.Where(method =>
            method.Name.StartsWith("List", StringComparison.Ordinal)
            || method.InputType.FindFieldByName("page_token") is not null);
}
