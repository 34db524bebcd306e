using System.Net;
using System.Text;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API4:2023 Unrestricted Resource Consumption: oversize messages and pages are refused before they cost
/// anything. (Floods and their 429s are in <c>RateLimiting/</c>, against the same gateway code.)
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class UnrestrictedResourceConsumptionTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_oversize_login_is_refused_in_both_protocols()
    {
        using var channel = platform.GrpcChannel();
        await SecurityAssert.RefusedAsync(
            () => new AuthService.AuthServiceClient(channel).LoginAsync(new LoginRequest { Email = "x@dixis.test", Password = new string('p', GatewayFactory.MaxMessageSize + 1) }, cancellationToken: Cancellation),
            StatusCode.ResourceExhausted);

        using var json = platform.JsonClient();
        using var content = new StringContent($$"""{"email":"x@dixis.test","password":"{{new string('p', GatewayFactory.MaxMessageSize + 1)}}"}""", Encoding.UTF8, "application/json");
        using var response = await json.PostAsync(new Uri("/v1/auth:login", UriKind.Relative), content, Cancellation);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Pages_above_the_maximum_and_overlong_queries_are_refused()
    {
        var admin = await platform.AdminAsync();
        using var channel = platform.GrpcChannel();
        await SecurityAssert.RefusedAsync(
            () => new UserAdminService.UserAdminServiceClient(channel).ListUsersAsync(new ListUsersRequest { PageSize = 201 }, SecuredPlatform.Bearer(admin.AccessToken), cancellationToken: Cancellation),
            StatusCode.InvalidArgument, "PAGE_SIZE_TOO_LARGE");
        await SecurityAssert.RefusedAsync(
            () => new SearchService.SearchServiceClient(channel).SearchProductsAsync(new SearchProductsRequest { Query = new string('λ', 257) }, cancellationToken: Cancellation),
            StatusCode.InvalidArgument);
        await SecurityAssert.RefusedAsync(
            () => new ProductService.ProductServiceClient(channel).ListProductsAsync(new ListProductsRequest { PageSize = 100_000 }, cancellationToken: Cancellation),
            StatusCode.InvalidArgument, "PAGE_SIZE_TOO_LARGE");
    }
}
