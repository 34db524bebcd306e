using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dixis.Services.Tests.Auth;

/// <summary><c>UserAdminService</c>: search, roles, disabling, the audit log.</summary>
public sealed class UserAdminTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    [Fact]
    public async Task Admins_search_users_accent_and_case_insensitively_with_filters_and_pages()
    {
        var admin = await Api.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await Api.RegisterAsync(displayName: $"Γιώργος {tag}");
        var second = await Api.RegisterAsync(displayName: $"ΓΙΩΡΓΟΣ {tag}");
        await Api.RegisterAsync(displayName: "Someone else");

        var page1 = await Api.Admin.ListUsersAsync(new ListUsersRequest { Query = $"γιωργος {tag}", PageSize = 1 }, admin, cancellationToken: Cancellation);
        var page2 = await Api.Admin.ListUsersAsync(new ListUsersRequest { Query = $"γιωργος {tag}", PageSize = 1, PageToken = page1.NextPageToken }, admin, cancellationToken: Cancellation);

        Assert.Equal(second.UserId, Assert.Single(page1.Users).Id);
        Assert.Equal(first.UserId, Assert.Single(page2.Users).Id);
        Assert.Empty(page2.NextPageToken);
        await RpcAssert.InvalidFieldAsync(() => Api.Admin.ListUsersAsync(new ListUsersRequest { Query = "other", PageToken = page1.NextPageToken }, admin, cancellationToken: Cancellation), "page_token", "INVALID_PAGE_TOKEN");
        await RpcAssert.InvalidFieldAsync(() => Api.Admin.ListUsersAsync(new ListUsersRequest { PageSize = 201 }, admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        var admins = await Api.Admin.ListUsersAsync(new ListUsersRequest { Role = Role.Admin }, admin, cancellationToken: Cancellation);
        Assert.All(admins.Users, user => Assert.Contains(Role.Admin, user.Roles));
        Assert.Contains(admins.Users, user => user.Email == AuthApi.AdminEmail);
        await RpcAssert.FailsAsync(() => Api.Admin.ListUsersAsync(new ListUsersRequest(), AuthApi.Bearer(first.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.PermissionDenied);
        await RpcAssert.FailsAsync(() => Api.Admin.GetUserAsync(new GetUserRequest { UserId = "nobody" }, admin, cancellationToken: Cancellation), StatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_are_replaced_with_a_valid_producer_binding_and_removing_one_revokes_sessions()
    {
        var admin = await Api.AdminAsync();
        var user = await Api.RegisterAsync();

        await RpcAssert.InvalidFieldAsync(() => Api.Admin.SetUserRolesAsync(new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Producer } }, admin, cancellationToken: Cancellation), "producer_id", "PRODUCER_BINDING_INVALID");
        await RpcAssert.InvalidFieldAsync(() => Api.Admin.SetUserRolesAsync(new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Customer }, ProducerId = "p-1" }, admin, cancellationToken: Cancellation), "producer_id", "PRODUCER_BINDING_INVALID");
        var producer = await Api.Admin.SetUserRolesAsync(new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Producer }, ProducerId = "p-1" }, admin, cancellationToken: Cancellation);
        Assert.Equal([Role.Customer, Role.Producer], producer.Roles);

        var refreshed = await Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = user.Tokens.RefreshToken }, cancellationToken: Cancellation);
        var token = new JsonWebToken(refreshed.Tokens.AccessToken);
        Assert.Equal(["customer", "producer"], token.GetPayloadValue<string[]>("roles"));
        Assert.Equal("p-1", token.GetPayloadValue<string>("producer_id"));

        await Api.Admin.SetUserRolesAsync(new SetUserRolesRequest { UserId = user.UserId, Roles = { Role.Customer } }, admin, cancellationToken: Cancellation);
        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = refreshed.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "REFRESH_TOKEN_INVALID");
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(refreshed.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        var events = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { UserId = user.UserId, Kind = SecurityEventKind.RolesChanged }, admin, cancellationToken: Cancellation);
        Assert.Equal(2, events.SecurityEvents.Count);
        Assert.Equal("customer", events.SecurityEvents[0].Details["roles"]);
        Assert.NotEmpty(events.SecurityEvents[0].ActorUserId);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var admin = await Api.AdminAsync();
        var adminId = new JsonWebToken(admin.Get("authorization")!.Value["Bearer ".Length..]).Subject;

        await RpcAssert.FailsAsync(() => Api.Admin.SetUserRolesAsync(new SetUserRolesRequest { UserId = adminId, Roles = { Role.Customer } }, admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "SELF_LOCKOUT");
        await RpcAssert.FailsAsync(() => Api.Admin.DisableUserAsync(new DisableUserRequest { UserId = adminId, Reason = "oops" }, admin, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "SELF_LOCKOUT");
        Assert.Contains(Role.Admin, (await Api.Admin.GetUserAsync(new GetUserRequest { UserId = adminId }, admin, cancellationToken: Cancellation)).Roles);
    }

    [Fact]
    public async Task A_disabled_user_loses_every_session_and_token_until_enabled()
    {
        var admin = await Api.AdminAsync();
        var user = await Api.RegisterAsync();
        var email = (await Api.Admin.GetUserAsync(new GetUserRequest { UserId = user.UserId }, admin, cancellationToken: Cancellation)).Email;

        await RpcAssert.InvalidFieldAsync(() => Api.Admin.DisableUserAsync(new DisableUserRequest { UserId = user.UserId }, admin, cancellationToken: Cancellation), "reason");
        var disabled = await Api.Admin.DisableUserAsync(new DisableUserRequest { UserId = user.UserId, Reason = "fraud report" }, admin, cancellationToken: Cancellation);

        Assert.Equal(UserState.Disabled, disabled.State);
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(user.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = user.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation), StatusCode.PermissionDenied, "ACCOUNT_DISABLED");
        await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = "wrong password 1" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CREDENTIALS");
        var revocations = await Api.Revocations.GetTokenRevocationsAsync(new GetTokenRevocationsRequest(), cancellationToken: Cancellation);
        Assert.Contains(revocations.Revocations, r => r.Subject == user.UserId && r.SessionId.Length == 0);

        var enabled = await Api.Admin.EnableUserAsync(new EnableUserRequest { UserId = user.UserId }, admin, cancellationToken: Cancellation);
        Assert.Equal(UserState.Active, enabled.State);
        await Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);
        var kinds = (await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { UserId = user.UserId }, admin, cancellationToken: Cancellation)).SecurityEvents.Select(e => e.Kind).ToList();
        Assert.Equal(SecurityEventKind.LoginSucceeded, kinds[0]);
        Assert.Contains(SecurityEventKind.UserDisabled, kinds);
        Assert.Contains(SecurityEventKind.UserEnabled, kinds);
    }

    [Fact]
    public async Task Security_events_page_newest_first_and_refuse_bad_filters()
    {
        await Api.AdminAsync();
        await Api.AdminAsync();
        var admin = await Api.AdminAsync();
        var first = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { PageSize = 2, Kind = SecurityEventKind.LoginSucceeded }, admin, cancellationToken: Cancellation);
        var second = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { PageSize = 2, Kind = SecurityEventKind.LoginSucceeded, PageToken = first.NextPageToken }, admin, cancellationToken: Cancellation);

        Assert.Equal(2, first.SecurityEvents.Count);
        Assert.True(first.SecurityEvents[0].EventTime.ToDateTimeOffset() >= first.SecurityEvents[1].EventTime.ToDateTimeOffset());
        Assert.True(second.SecurityEvents.Count >= 1);
        Assert.All(first.SecurityEvents.Concat(second.SecurityEvents), e => Assert.Equal(SecurityEventKind.LoginSucceeded, e.Kind));
        await RpcAssert.InvalidFieldAsync(() => Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { PageSize = 501 }, admin, cancellationToken: Cancellation), "page_size", "PAGE_SIZE_TOO_LARGE");
        await RpcAssert.InvalidFieldAsync(() => Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { Kind = (SecurityEventKind)99 }, admin, cancellationToken: Cancellation), "kind");
    }
}
