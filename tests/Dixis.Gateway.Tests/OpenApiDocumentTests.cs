using System.Net;
using System.Text.Json;
using Dixis.Gateway.Tests.Infrastructure;

namespace Dixis.Gateway.Tests;

/// <summary>The REST surface is published as an OpenAPI document generated from the contracts.</summary>
public sealed class OpenApiDocumentTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Document_describes_the_category_tree_read_with_its_schemas()
    {
        using var document = await FetchAsync();
        var root = document.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var operation = root.GetProperty("paths").GetProperty("/v1/categories:tree").GetProperty("get");
        Assert.Equal("CategoryService_GetCategoryTree", operation.GetProperty("operationId").GetString());
        Assert.Equal("PUBLIC", operation.GetProperty("x-dixis-access").GetProperty("audience").GetString());
        Assert.Equal(0, operation.GetProperty("security").GetArrayLength());
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), parameter =>
            parameter.GetProperty("name").GetString() == "languageCode" && parameter.GetProperty("in").GetString() == "query");
        Assert.Equal(
            "#/components/schemas/dixis.catalog.v1.CategoryTree",
            operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
                .GetProperty("schema").GetProperty("$ref").GetString());

        var schemas = root.GetProperty("components").GetProperty("schemas");
        var roots = schemas.GetProperty("dixis.catalog.v1.CategoryTree").GetProperty("properties").GetProperty("roots");
        Assert.Equal("array", roots.GetProperty("type").GetString());
        Assert.True(schemas.TryGetProperty("dixis.catalog.v1.CategoryNode", out _));
        Assert.True(schemas.TryGetProperty("google.rpc.Status", out _));
    }

    [Fact]
    public async Task Schemas_follow_the_proto3_json_mapping()
    {
        using var document = await FetchAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        // int64 travels as a string; money is never a float.
        var amount = schemas.GetProperty("dixis.common.v1.Money").GetProperty("properties").GetProperty("amountMinor");
        Assert.Equal("string", amount.GetProperty("type").GetString());
        Assert.Equal("int64", amount.GetProperty("format").GetString());

        // Every enum is a list of value names.
        var enums = schemas.EnumerateObject().Where(schema => schema.Value.TryGetProperty("enum", out _)).ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, schema => Assert.Equal("string", schema.Value.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Document_lists_path_parameters_and_bodies_and_never_internal_methods()
    {
        using var document = await FetchAsync();
        var paths = document.RootElement.GetProperty("paths");

        var getProduct = paths.GetProperty("/v1/products/{product_id}").GetProperty("get");
        var parameter = Assert.Single(getProduct.GetProperty("parameters").EnumerateArray().ToList());
        Assert.Equal("path", parameter.GetProperty("in").GetString());
        Assert.True(parameter.GetProperty("required").GetBoolean());

        var createCategory = paths.GetProperty("/v1/categories").GetProperty("post");
        Assert.True(createCategory.TryGetProperty("requestBody", out _));
        Assert.Equal("bearer", createCategory.GetProperty("security")[0].EnumerateObject().Single().Name);

        var operationIds = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Select(operation => operation.Value.GetProperty("operationId").GetString())
            .ToList();
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
        Assert.DoesNotContain("InventoryService_ReserveStock", operationIds);
        Assert.DoesNotContain("ProductService_BatchGetVariants", operationIds);
    }

    private async Task<JsonDocument> FetchAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = fixture.JsonClient();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
