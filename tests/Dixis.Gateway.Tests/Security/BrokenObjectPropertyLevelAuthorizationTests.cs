using System.Net;
using System.Net.Http.Json;
using Dixis.Contracts.Auth.V1;
using Dixis.Contracts.Catalog.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dixis.Gateway.Tests.Security;

/// <summary>
/// OWASP API3:2023 Broken Object Property Level Authorization: requests cannot set what the caller may not set (roles,
/// verification, another producer's ownership) — such fields are ignored or refused — and no response carries a secret
/// (password, hash, salt, refresh-token hash). Order prices and statuses come with the commerce issue.
/// </summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class BrokenObjectPropertyLevelAuthorizationTests(SecuredPlatform platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_with_roles_and_verification_in_the_body_grants_neither()
    {
        var email = $"mass-{Guid.NewGuid():N}@dixis.test";
        using var json = platform.JsonClient();
        using var registered = await json.PostAsJsonAsync(new Uri("/v1/auth:register", UriKind.Relative), new Dictionary<string, object>
        {
            ["email"] = email,
            ["password"] = $"Pw-{Guid.NewGuid():N}",
            ["displayName"] = "Mass Assigner",
            ["roles"] = new[] { "ROLE_ADMIN" },
            ["producerId"] = "p-1",
            ["emailVerified"] = true,
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var token = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("tokens").GetProperty("accessToken").GetString()!;

        using var channel = platform.GrpcChannel();
        var profile = await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(token), cancellationToken: Cancellation);
        Assert.Equal([Role.Customer], profile.Roles);
        Assert.Empty(profile.ProducerId);
        Assert.False(profile.EmailVerified);
        await SecurityAssert.RefusedAsync(
            () => new UserAdminService.UserAdminServiceClient(channel).ListUsersAsync(new ListUsersRequest(), SecuredPlatform.Bearer(token), cancellationToken: Cancellation),
            StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_profile_update_naming_roles_or_email_is_refused_and_changes_nothing()
    {
        var user = await platform.RegisterAsync("Πριν");
        using var channel = platform.GrpcChannel();
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var asUser = SecuredPlatform.Bearer(user.AccessToken);

        foreach (var path in new[] { "roles", "email", "producer_id", "email_verified" })
        {
            await SecurityAssert.RefusedAsync(
                () => profiles.UpdateProfileAsync(
                    new UpdateProfileRequest { Profile = new Profile { DisplayName = "Μετά", Roles = { Role.Admin }, Email = "admin@dixis.test", ProducerId = "p-1", EmailVerified = true }, UpdateMask = FieldMask.FromString($"display_name,{path}") },
                    asUser, cancellationToken: Cancellation),
                StatusCode.InvalidArgument);
        }

        using var json = platform.JsonClient(user.AccessToken);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/profile?updateMask=displayName,roles") { Content = JsonContent.Create(new { displayName = "Μετά", roles = new[] { "ROLE_ADMIN" } }) };
        using var response = await json.SendAsync(patch, Cancellation);
        await SecurityAssert.RefusedAsync(response, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);

        var profile = await profiles.GetProfileAsync(new GetProfileRequest(), asUser, cancellationToken: Cancellation);
        Assert.Equal("Πριν", profile.DisplayName);
        Assert.Equal([Role.Customer], profile.Roles);
    }

    [Fact]
    public async Task A_producer_cannot_create_a_product_for_another_producer()
    {
        var (mallory, _) = await platform.ProducerUserAsync();
        var (_, victim) = await platform.ProducerUserAsync();
        using var channel = platform.GrpcChannel();
        var failure = await Assert.ThrowsAsync<RpcException>(() => new ProductService.ProductServiceClient(channel).CreateProductAsync(
            new CreateProductRequest { Product = new Product { ProducerId = victim.Id, Slug = $"fake-{Guid.NewGuid():N}"[..30] } },
            SecuredPlatform.Bearer(mallory.AccessToken), cancellationToken: Cancellation).ResponseAsync);
        Assert.Contains(failure.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.InvalidArgument });
    }

    [Fact]
    public async Task No_response_carries_a_password_a_hash_or_a_refresh_token_of_someone_else()
    {
        var user = await platform.RegisterAsync("Χωρίς μυστικά");
        var admin = await platform.AdminAsync();
        using var channel = platform.GrpcChannel();
        var asAdmin = SecuredPlatform.Bearer(admin.AccessToken);
        var responses = new List<IMessage>
        {
            await new AuthService.AuthServiceClient(channel).LoginAsync(new LoginRequest { Email = user.Email, Password = user.Password }, cancellationToken: Cancellation),
            await new ProfileService.ProfileServiceClient(channel).GetProfileAsync(new GetProfileRequest(), SecuredPlatform.Bearer(user.AccessToken), cancellationToken: Cancellation),
            await new UserAdminService.UserAdminServiceClient(channel).GetUserAsync(new GetUserRequest { UserId = user.UserId }, asAdmin, cancellationToken: Cancellation),
            await new UserAdminService.UserAdminServiceClient(channel).ListUsersAsync(new ListUsersRequest { PageSize = 200 }, asAdmin, cancellationToken: Cancellation),
            await new UserAdminService.UserAdminServiceClient(channel).ListSecurityEventsAsync(new ListSecurityEventsRequest { PageSize = 500 }, asAdmin, cancellationToken: Cancellation),
        };

        foreach (var response in responses)
        {
            var text = JsonFormatter.Default.Format(response);
            Assert.DoesNotContain(user.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecuredPlatform.AdminPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain("argon2", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("salt", text, StringComparison.OrdinalIgnoreCase);
            if (response is not LoginResponse)
            {
                Assert.DoesNotContain(user.RefreshToken, text, StringComparison.Ordinal);
            }
        }
    }
}
