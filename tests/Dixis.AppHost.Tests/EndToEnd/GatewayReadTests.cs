using System.Net;
using Dixis.AppHost.Tests.Fixtures;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Dixis.AppHost.Tests.EndToEnd;

/// <summary>
/// One real read through the whole platform (gateway → catalog) in the three protocols the gateway
/// speaks; a client must get the same answer whichever it uses.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayReadTests(PlatformFixture fixture)
{
    private static readonly GetCategoryTreeRequest Request = new() { LanguageCode = "el" };

    [Fact]
    public async Task Category_tree_is_the_same_over_native_grpc_grpc_web_and_json()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var native = await ReadOverNativeGrpcAsync(cancellationToken);
        var grpcWeb = await ReadOverGrpcWebAsync(cancellationToken);
        var json = await ReadOverJsonAsync(cancellationToken);

        Assert.Equal(native, grpcWeb);
        Assert.Equal(native, json);
    }

    private async Task<CategoryTree> ReadOverNativeGrpcAsync(CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "grpc"));
        return await new CategoryService.CategoryServiceClient(channel).GetCategoryTreeAsync(Request, deadline: Deadline(), cancellationToken: cancellationToken);
    }

    private async Task<CategoryTree> ReadOverGrpcWebAsync(CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(fixture.Platform.Endpoint("gateway", "http"), new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            // gRPC-Web is what a browser sends: HTTP/1.1 to the http endpoint.
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        return await new CategoryService.CategoryServiceClient(channel).GetCategoryTreeAsync(Request, deadline: Deadline(), cancellationToken: cancellationToken);
    }

    private async Task<CategoryTree> ReadOverJsonAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = fixture.Platform.Endpoint("gateway", "http") };
        using var response = await http.GetAsync(new Uri("/v1/categories:tree?languageCode=el", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /v1/categories:tree → {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonParser.Default.Parse<CategoryTree>(body);
    }

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(15);
}
