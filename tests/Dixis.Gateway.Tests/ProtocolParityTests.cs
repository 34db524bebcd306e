using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Google.Protobuf;

namespace Dixis.Gateway.Tests;

/// <summary>One real read through the gateway gives the same answer in all three protocols.</summary>
public sealed class ProtocolParityTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("el")]
    public async Task Category_tree_is_equal_over_grpc_grpc_web_and_json(string languageCode)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var request = new GetCategoryTreeRequest { LanguageCode = languageCode };

        using var grpcChannel = fixture.GrpcChannel();
        var viaGrpc = await new CategoryService.CategoryServiceClient(grpcChannel)
            .GetCategoryTreeAsync(request, cancellationToken: cancellationToken);

        using var grpcWebChannel = fixture.GrpcWebChannel();
        var viaGrpcWeb = await new CategoryService.CategoryServiceClient(grpcWebChannel)
            .GetCategoryTreeAsync(request, cancellationToken: cancellationToken);

        using var http = fixture.JsonClient();
        var query = languageCode.Length == 0 ? string.Empty : $"?languageCode={languageCode}";
        using var response = await http.GetAsync(new Uri($"/v1/categories:tree{query}", UriKind.Relative), cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var viaJson = JsonParser.Default.Parse<CategoryTree>(await response.Content.ReadAsStringAsync(cancellationToken));

        Assert.NotEmpty(viaGrpc.Roots);
        Assert.Contains(viaGrpc.Roots, root => root.Children.Count > 0);
        Assert.Equal(viaGrpc, viaGrpcWeb);
        Assert.Equal(viaGrpc, viaJson);
    }
}
