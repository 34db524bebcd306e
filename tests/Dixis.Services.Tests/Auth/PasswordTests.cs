using Dixis.Auth.Model;
using Dixis.Auth.Repositories;
using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Services.Tests.Auth;

/// <summary>Password change and reset, email verification, and re-hashing of old Argon2id parameters.</summary>
public sealed class PasswordTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private const string NewPassword = "a brand new passphrase 42";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    [Fact]
    public async Task Changing_the_password_revokes_other_sessions_and_returns_a_fresh_pair()
    {
        var registered = await Api.RegisterAsync();
        var email = (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation)).Email;
        var other = await Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);
        var caller = AuthApi.Bearer(registered.Tokens.AccessToken);

        await RpcAssert.FailsAsync(() => Api.Auth.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = "not my password", NewPassword = NewPassword }, caller, cancellationToken: Cancellation), StatusCode.PermissionDenied, "CURRENT_PASSWORD_WRONG");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = AuthApi.Password, NewPassword = "qwertyuiop" }, caller, cancellationToken: Cancellation), "new_password", "PASSWORD_TOO_COMMON");
        await RpcAssert.FailsAsync(() => Api.Auth.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = AuthApi.Password, NewPassword = NewPassword }, cancellationToken: Cancellation), StatusCode.Unauthenticated);

        var changed = await Api.Auth.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = AuthApi.Password, NewPassword = NewPassword }, caller, cancellationToken: Cancellation);

        await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(changed.Tokens.AccessToken), cancellationToken: Cancellation);
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(other.Tokens.AccessToken), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = other.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "REFRESH_TOKEN_INVALID");
        await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CREDENTIALS");
        await Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = NewPassword }, cancellationToken: Cancellation);
    }

    [Fact]
    public async Task Email_verification_tokens_work_once()
    {
        var registered = await Api.RegisterAsync();
        var caller = AuthApi.Bearer(registered.Tokens.AccessToken);
        await Api.Auth.RequestEmailVerificationAsync(new RequestEmailVerificationRequest(), caller, cancellationToken: Cancellation);
        var emails = await Api.EmailsToAsync(registered.UserId, OneTimeTokenPurpose.EmailVerification);
        Assert.Equal(2, emails.Count);

        await Api.Auth.ConfirmEmailVerificationAsync(new ConfirmEmailVerificationRequest { Token = emails[0].Token }, cancellationToken: Cancellation);

        Assert.True((await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation)).EmailVerified);
        await RpcAssert.FailsAsync(() => Api.Auth.ConfirmEmailVerificationAsync(new ConfirmEmailVerificationRequest { Token = emails[0].Token }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ONE_TIME_TOKEN_INVALID");
        await RpcAssert.FailsAsync(() => Api.Auth.ConfirmEmailVerificationAsync(new ConfirmEmailVerificationRequest { Token = "made-up" }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ONE_TIME_TOKEN_INVALID");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.ConfirmEmailVerificationAsync(new ConfirmEmailVerificationRequest(), cancellationToken: Cancellation), "token");
    }

    [Fact]
    public async Task A_password_reset_token_works_once_revokes_every_session_and_is_not_for_email_verification()
    {
        var registered = await Api.RegisterAsync();
        var email = (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation)).Email;
        await Api.Auth.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = email.ToUpperInvariant() }, cancellationToken: Cancellation);
        await Api.Auth.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = AuthApi.UniqueEmail() }, cancellationToken: Cancellation);
        var token = Assert.Single(await Api.EmailsToAsync(registered.UserId, OneTimeTokenPurpose.PasswordReset)).Token;

        await RpcAssert.FailsAsync(() => Api.Auth.ConfirmEmailVerificationAsync(new ConfirmEmailVerificationRequest { Token = token }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ONE_TIME_TOKEN_INVALID");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.ConfirmPasswordResetAsync(new ConfirmPasswordResetRequest { Token = token, NewPassword = "short" }, cancellationToken: Cancellation), "new_password", "PASSWORD_TOO_SHORT");
        await Api.Auth.ConfirmPasswordResetAsync(new ConfirmPasswordResetRequest { Token = token, NewPassword = NewPassword }, cancellationToken: Cancellation);

        await RpcAssert.FailsAsync(() => Api.Auth.ConfirmPasswordResetAsync(new ConfirmPasswordResetRequest { Token = token, NewPassword = "yet another passphrase" }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ONE_TIME_TOKEN_INVALID");
        await RpcAssert.FailsAsync(() => Api.Auth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = registered.Tokens.RefreshToken }, cancellationToken: Cancellation), StatusCode.Unauthenticated);
        await Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = NewPassword }, cancellationToken: Cancellation);
    }

    [Fact]
    public async Task A_password_reset_token_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var settings = AuthSettings.Create(services: services => services.AddSingleton<TimeProvider>(time));
        await using var service = DixisServices.Start("auth", settings);
        using var channel = service.CreateGrpcChannel();
        var api = new AuthApi(channel, service, settings.DataDirectory);
        var registered = await api.RegisterAsync();
        var email = (await api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation)).Email;
        await api.Auth.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = email }, cancellationToken: Cancellation);
        var token = Assert.Single(await api.EmailsToAsync(registered.UserId, OneTimeTokenPurpose.PasswordReset)).Token;

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await RpcAssert.FailsAsync(() => api.Auth.ConfirmPasswordResetAsync(new ConfirmPasswordResetRequest { Token = token, NewPassword = NewPassword }, cancellationToken: Cancellation), StatusCode.FailedPrecondition, "ONE_TIME_TOKEN_INVALID");
        await api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);
    }

    [Fact]
    public async Task A_hash_with_old_parameters_is_replaced_at_the_next_sign_in()
    {
        using var directory = new ServiceSettings();
        var email = AuthApi.UniqueEmail();
        await using (var old = DixisServices.Start("auth", AuthSettings.Create(directory.DataDirectory, new() { ["Auth:Passwords:Iterations"] = "1", ["Auth:Passwords:MemorySizeKiB"] = "8192" })))
        {
            using var channel = old.CreateGrpcChannel();
            await new AuthApi(channel, old, directory.DataDirectory).RegisterAsync(email);
            Assert.StartsWith("$argon2id$v=19$m=8192,t=1,p=1$", await HashOfAsync(old, email));
        }

        await using var current = DixisServices.Start("auth", AuthSettings.Create(directory.DataDirectory));
        using var currentChannel = current.CreateGrpcChannel();
        await new AuthService.AuthServiceClient(currentChannel).LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", await HashOfAsync(current, email));
        await new AuthService.AuthServiceClient(currentChannel).LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);
    }

    private static async Task<string> HashOfAsync(IRunningService service, string email) =>
        (await service.Services.GetRequiredService<UserRepository>().FindByEmailAsync(email, Cancellation))!.Value.PasswordHash;
}
