using System.Net;
using System.Text;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Dixis.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API4:2023 Unrestricted Resource Consumption: a login flood is cut off with 429 / RESOURCE_EXHAUSTED and
/// Retry-After, and oversize messages and pages are refused before they cost anything. (Every protocol, shared limits
/// across gateways on Redis and the fallback when Redis is down are in <c>RateLimiting/</c>.)
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class UnrestrictedResourceConsumptionTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_login_flood_gets_429_with_retry_after_while_the_catalog_stays_open()
    {
        await using var gateway = platform.CreateGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Enabled"] = "true",
            ["Gateway:RateLimits:Sensitive:Requests"] = "3",
            ["Gateway:RateLimits:Sensitive:Period"] = "00:01:00",
            ["Gateway:RateLimits:Sensitive:Burst"] = "3",
        });
        using var json = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 10 && refused is null; attempt++)
        {
            var response = await json.PostAsync(
                new Uri("/v1/auth:login", UriKind.Relative),
                new StringContent("""{"email":"flood@dixis.test","password":"not-the-password"}""", Encoding.UTF8, "application/json"),
                Cancellation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(3, statuses.Count(status => status == HttpStatusCode.Unauthorized));
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 says when to retry.");
            await SecurityAssert.RefusedAsync(refused, HttpStatusCode.TooManyRequests, StatusCode.ResourceExhausted, "RATE_LIMITED");
        }

        using var categories = await json.GetAsync(new Uri("/v1/categories:tree", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
    }

    [Fact]
    public async Task A_flood_of_bad_tokens_is_throttled_like_any_other_call()
    {
        await using var gateway = platform.CreateGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Enabled"] = "true",
            ["Gateway:RateLimits:PerIp:Requests"] = "5",
            ["Gateway:RateLimits:PerIp:Period"] = "00:01:00",
            ["Gateway:RateLimits:PerIp:Burst"] = "5",
            // No stricter limit may be looser than the per-IP one.
            ["Gateway:RateLimits:Sensitive:Requests"] = "5",
            ["Gateway:RateLimits:Sensitive:Period"] = "00:01:00",
            ["Gateway:RateLimits:Sensitive:Burst"] = "5",
        });
        using var json = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/profile");
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer forged.{attempt}.token");
            using var response = await json.SendAsync(request, Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
    }

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
