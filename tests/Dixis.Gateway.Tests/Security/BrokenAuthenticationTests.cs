using System.Net;
using System.Text.Json;
using Dixis.Auth.SigningKeys;
using Dixis.Contracts.Auth.V1;
using Dixis.ServiceDefaults.Security;
using Dixis.Testing.Tokens;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API2:2023 Broken Authentication. Every kind of bad token is refused UNAUTHENTICATED at the gateway, in gRPC
/// and in JSON (401 with a Bearer challenge), and by the services themselves when called past the gateway.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class BrokenAuthenticationTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_token_is_unauthenticated_with_a_bearer_challenge()
    {
        using var channel = platform.GrpcChannel();
        await SecurityAssert.RefusedAsync(() => new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), cancellationToken: Cancellation), StatusCode.Unauthenticated, "TOKEN_MISSING");

        using var json = platform.JsonClient();
        using var response = await json.GetAsync(new Uri("/v1/profile", UriKind.Relative), Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated, "TOKEN_MISSING");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.AAAA")]
    [InlineData("a.b.c.d.e")]
    public async Task A_malformed_token_is_unauthenticated(string token) => await AssertRefusedAsync(token, "TOKEN_INVALID");

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_unauthenticated()
    {
        var user = await platform.RegisterAsync();
        await AssertRefusedAsync(TestTokenIssuer.Unsigned(TestTokenIssuer.UserClaims(user.UserId, [CallerRoles.Customer, CallerRoles.Admin])), "TOKEN_INVALID");
    }

    [Fact]
    public async Task An_hs256_token_signed_with_the_published_public_key_is_unauthenticated()
    {
        var user = await platform.RegisterAsync();
        using var json = platform.JsonClient();
        var jwks = JsonDocument.Parse(await json.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Cancellation)).RootElement.GetProperty("keys")[0];
        var point = (byte[])[0x04, .. Base64UrlEncoder.DecodeBytes(jwks.GetProperty("x").GetString()!), .. Base64UrlEncoder.DecodeBytes(jwks.GetProperty("y").GetString()!)];
        var claims = TestTokenIssuer.UserClaims(user.UserId, [CallerRoles.Customer, CallerRoles.Admin]);
        var keyId = jwks.GetProperty("kid").GetString()!;

        await AssertRefusedAsync(TestTokenIssuer.HmacSignedWithPublicKey(claims, point, keyId), "TOKEN_INVALID");
        await AssertRefusedAsync(TestTokenIssuer.HmacSignedWithPublicKey(claims, System.Text.Encoding.UTF8.GetBytes(jwks.GetRawText()), keyId), "TOKEN_INVALID");
    }

    [Fact]
    public async Task Tokens_signed_with_the_auth_services_own_key_but_wrong_in_audience_issuer_or_lifetime_are_unauthenticated()
    {
        var user = await platform.RegisterAsync();
        var credentials = await platform.Auth.Services.GetRequiredService<SigningKeyRing>().GetSigningCredentialsAsync(Cancellation);
        var claims = TestTokenIssuer.UserClaims(user.UserId, [CallerRoles.Customer]);
        var now = DateTimeOffset.UtcNow;

        // The control: the same key, audience, issuer and lifetime as a real token are accepted.
        using (var channel = platform.GrpcChannel())
        {
            var genuine = TestTokenIssuer.Shared.Issue(claims, signingKey: credentials.Key);
            await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(genuine), cancellationToken: Cancellation);
        }

        await AssertRefusedAsync(TestTokenIssuer.Shared.Issue(claims, audience: "another-api", signingKey: credentials.Key), "TOKEN_INVALID");
        await AssertRefusedAsync(TestTokenIssuer.Shared.Issue(claims, issuer: "https://evil.example", signingKey: credentials.Key), "TOKEN_INVALID");
        // Expired 31 seconds ago: one second past the 30 s of allowed clock skew.
        await AssertRefusedAsync(TestTokenIssuer.Shared.Issue(claims, issuedAt: now.AddMinutes(-5).AddSeconds(-31), lifetime: TimeSpan.FromMinutes(5), signingKey: credentials.Key), "TOKEN_EXPIRED");
        await AssertRefusedAsync(TestTokenIssuer.Shared.Issue(claims, lifetime: TimeSpan.FromHours(12), signingKey: credentials.Key), "TOKEN_INVALID");
    }

    [Fact]
    public async Task A_token_expired_by_less_than_the_clock_skew_is_still_accepted()
    {
        var user = await platform.RegisterAsync();
        var credentials = await platform.Auth.Services.GetRequiredService<SigningKeyRing>().GetSigningCredentialsAsync(Cancellation);
        var token = TestTokenIssuer.Shared.Issue(
            TestTokenIssuer.UserClaims(user.UserId, [CallerRoles.Customer]), issuedAt: DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(-20), lifetime: TimeSpan.FromMinutes(5), signingKey: credentials.Key);
        using var channel = platform.GrpcChannel();
        var profile = await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(token), cancellationToken: Cancellation);
        Assert.Equal(user.UserId, profile.UserId);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_auth_service_does_not_publish_is_unauthenticated()
    {
        var user = await platform.RegisterAsync();
        using var stranger = new TestTokenIssuer("stranger-key");
        await AssertRefusedAsync(stranger.ForUser(user.UserId, [CallerRoles.Admin]), "TOKEN_INVALID");
    }

    [Fact]
    public async Task A_valid_token_is_accepted_in_both_protocols()
    {
        var user = await platform.RegisterAsync("Έγκυρος");
        using var channel = platform.GrpcChannel();
        var profile = await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(user.AccessToken), cancellationToken: Cancellation);
        Assert.Equal(user.UserId, profile.UserId);

        using var json = platform.JsonClient(user.AccessToken);
        using var response = await json.GetAsync(new Uri("/v1/profile", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_token_is_refused_everywhere_within_the_revocation_interval()
    {
        var user = await platform.RegisterAsync();
        var admin = await platform.AdminAsync();
        using var channel = platform.GrpcChannel();
        var profiles = new ProfileService.ProfileServiceClient(channel);
        await profiles.GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(user.AccessToken), cancellationToken: Cancellation);

        await new UserAdminService.UserAdminServiceClient(channel).DisableUserAsync(
            new DisableUserRequest { UserId = user.UserId, Reason = "security suite" }, SecuredPlatform.Bearer(admin.AccessToken), cancellationToken: Cancellation);

        // The gateway and the catalog read the revocation list every 200 ms here; the Auth service knows at once.
        var refused = await EventuallyRefusedAsync(() => profiles.GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(user.AccessToken), cancellationToken: Cancellation));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        // Past the gateway, on a public method: a token that is sent must be valid, whatever the method.
        using var catalog = platform.CatalogChannel();
        var direct = await EventuallyRefusedAsync(() => new Dixis.Contracts.Catalog.V1.CategoryService.CategoryServiceClient(catalog)
            .GetCategoryTreeAsync(new Dixis.Contracts.Catalog.V1.GetCategoryTreeRequest(), SecuredPlatform.Bearer(user.AccessToken), cancellationToken: Cancellation));
        Assert.Equal(StatusCode.Unauthenticated, direct.StatusCode);

        using var json = platform.JsonClient(user.AccessToken);
        using var response = await json.GetAsync(new Uri("/v1/profile", UriKind.Relative), Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated, "TOKEN_INVALID");
    }

    [Fact]
    public async Task A_bad_token_is_refused_by_the_catalog_itself_past_the_gateway()
    {
        using var catalog = platform.CatalogChannel();
        var inventory = new Dixis.Contracts.Catalog.V1.InventoryService.InventoryServiceClient(catalog);
        await SecurityAssert.RefusedAsync(
            () => inventory.GetStockAsync(new Dixis.Contracts.Catalog.V1.GetStockRequest { Sku = "ANY" }, SecuredPlatform.Bearer(TestTokenIssuer.Unsigned(TestTokenIssuer.UserClaims("u-1", [CallerRoles.Admin]))), cancellationToken: Cancellation),
            StatusCode.Unauthenticated, "TOKEN_INVALID");
        await SecurityAssert.RefusedAsync(
            () => inventory.GetStockAsync(new Dixis.Contracts.Catalog.V1.GetStockRequest { Sku = "ANY" }, cancellationToken: Cancellation),
            StatusCode.Unauthenticated, "TOKEN_MISSING");
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        using var channel = platform.GrpcChannel();
        await SecurityAssert.RefusedAsync(
            () => new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(token), cancellationToken: Cancellation),
            StatusCode.Unauthenticated, reason);

        using var json = platform.JsonClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/profile");
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        using var response = await json.SendAsync(request, Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated, reason);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static async Task<RpcException> EventuallyRefusedAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (true)
        {
            try
            {
                await call();
            }
            catch (RpcException refused)
            {
                return refused;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The revoked token was still accepted after five seconds.");
            await Task.Delay(100, Cancellation);
        }
    }
}
