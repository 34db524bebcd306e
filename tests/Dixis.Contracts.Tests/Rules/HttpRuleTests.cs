using Dixis.Contracts.Tests.Descriptors;
using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Rules;

/// <summary>
/// The gateway exposes exactly the non-internal methods over JSON, each on its own route,
/// and the routes bind to fields that exist.
/// </summary>
public sealed class HttpRuleTests
{
    [Fact]
    public void Every_public_unary_or_server_streaming_rpc_has_an_http_route()
    {
        var missing = ContractDescriptors.Methods
            .Where(method => !method.IsInternal() && !method.IsClientStreaming && method.Http() is null)
            .Select(method => method.FullName);

        Assert.Empty(missing);
    }

    [Fact]
    public void Internal_rpcs_have_no_http_route()
    {
        var exposed = ContractDescriptors.Methods
            .Where(method => method.IsInternal() && method.Http() is not null)
            .Select(method => method.FullName);

        Assert.Empty(exposed);
    }

    [Fact]
    public void Client_streaming_rpcs_have_no_http_route_because_transcoding_cannot_serve_them()
    {
        var exposed = ContractDescriptors.Methods
            .Where(method => method.IsClientStreaming && method.Http() is not null)
            .Select(method => method.FullName);

        Assert.Empty(exposed);
    }

    [Fact]
    public void Every_http_route_is_unique()
    {
        var duplicates = ContractDescriptors.Methods
            .SelectMany(method => (method.Http()?.Bindings() ?? []).Select(binding => (binding.RouteKey, method.FullName)))
            .GroupBy(route => route.RouteKey, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(route => route.FullName))}");

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_path_variable_names_a_request_field()
    {
        var broken = ContractDescriptors.Methods
            .SelectMany(method => (method.Http()?.Bindings() ?? [])
                .SelectMany(binding => binding.VariableFieldPaths)
                .Where(path => method.InputType.Resolve(path) is not { FieldType: FieldType.String })
                .Select(path => $"{method.FullName}: {{{path}}}"));

        Assert.Empty(broken);
    }

    [Fact]
    public void Bodies_are_star_or_a_request_field_and_absent_on_get_and_delete()
    {
        var broken = ContractDescriptors.Methods
            .SelectMany(method => (method.Http()?.Bindings() ?? [])
                .Where(binding => binding.Verb is "GET" or "DELETE"
                    ? binding.Body.Length > 0
                    : binding.Body != "*" && method.InputType.FindFieldByName(binding.Body) is null)
                .Select(binding => $"{method.FullName}: {binding.Verb} body '{binding.Body}'"));

        Assert.Empty(broken);
    }

    [Fact]
    public void Routes_are_versioned_except_the_well_known_jwks_document()
    {
        var unversioned = ContractDescriptors.Methods
            .SelectMany(method => (method.Http()?.Bindings() ?? []).Select(binding => binding.Path))
            .Where(path => !path.StartsWith("/v1/", StringComparison.Ordinal) && path != "/.well-known/jwks.json");

        Assert.Empty(unversioned);
    }
}
