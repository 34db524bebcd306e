using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth;

/// <summary>Refresh-token rotation and families (RFC 9700), and logout.</summary>
public sealed class SessionTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    private Task<RefreshTokenResponse> RefreshAsync(string token) =>
        Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = token }, cancellationToken: Cancellation).ResponseAsync;

    [Fact]
    public async Task A_refresh_spends_the_token_and_returns_a_new_pair()
    {
        var registered = await Api.RegisterAsync();

        var refreshed = await RefreshAsync(registered.Tokens.RefreshToken);

        Assert.NotEqual(registered.Tokens.RefreshToken, refreshed.Tokens.RefreshToken);
        Assert.True(refreshed.Tokens.AccessTokenExpireTime.ToDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(5));
        var profile = await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(refreshed.Tokens.AccessToken), cancellationToken: Cancellation);
        Assert.Equal(registered.UserId, profile.UserId);
        await RefreshAsync(refreshed.Tokens.RefreshToken);
    }

    [Fact]
    public async Task Reusing_a_spent_token_revokes_the_whole_family_and_its_access_tokens()
    {
        var registered = await Api.RegisterAsync();
        var next = await RefreshAsync(registered.Tokens.RefreshToken);

        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = registered.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "REFRESH_TOKEN_REUSED");

        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = next.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "REFRESH_TOKEN_INVALID");
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(next.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        var admin = await Api.AdminAsync();
        var events = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { UserId = registered.UserId, Kind = SecurityEventKind.TokenFamilyRevoked }, admin, cancellationToken: Cancellation);
        Assert.Single(events.SecurityEvents);
        var revocations = await Api.Revocations.GetTokenRevocationsAsync(new GetTokenRevocationsRequest(), cancellationToken: Cancellation);
        Assert.Contains(revocations.Revocations, r => r.Subject == registered.UserId && r.SessionId.Length > 0);
    }

    [Fact]
    public async Task Of_concurrent_refreshes_of_one_token_exactly_one_succeeds()
    {
        var registered = await Api.RegisterAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await RefreshAsync(registered.Tokens.RefreshToken);
                return StatusCode.OK;
            }
            catch (RpcException error)
            {
                return error.StatusCode;
            }
        }));

        Assert.Equal(1, attempts.Count(code => code == StatusCode.OK));
        Assert.All(attempts.Where(code => code != StatusCode.OK), code => Assert.Equal(StatusCode.Unauthenticated, code));
    }

    [Fact]
    public async Task Logout_ends_the_session_and_is_idempotent()
    {
        var registered = await Api.RegisterAsync();

        await Api.Auth.LogoutAsync(new LogoutRequest { RefreshToken = registered.Tokens.RefreshToken }, cancellationToken: Cancellation);
        await Api.Auth.LogoutAsync(new LogoutRequest { RefreshToken = registered.Tokens.RefreshToken }, cancellationToken: Cancellation);
        await Api.Auth.LogoutAsync(new LogoutRequest { RefreshToken = "unknown-token" }, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = registered.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.LogoutAsync(new LogoutRequest(), cancellationToken: Cancellation), "refresh_token");
        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = "never-issued" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "REFRESH_TOKEN_INVALID");
    }
}
