using Dixis.Auth.Model;
using Dixis.Auth.Repositories;
using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Auth;

/// <summary><c>AuthService.Register</c> and <c>Login</c> on the real Auth service.</summary>
public sealed class RegistrationAndLoginTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    [Fact]
    public async Task Registration_normalizes_the_email_signs_in_and_sends_a_verification_email()
    {
        var local = "Maria." + Guid.NewGuid().ToString("N");
        var registered = await Api.RegisterAsync($"  {local.ToUpperInvariant()}@Example.TEST ");

        Assert.NotEmpty(registered.UserId);
        Assert.Equal("Bearer", registered.Tokens.TokenType);
        Assert.NotEmpty(registered.Tokens.RefreshToken);
        var profile = await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation);
        Assert.Equal($"{local.ToLowerInvariant()}@example.test", profile.Email);
        Assert.False(profile.EmailVerified);
        Assert.Equal("el", profile.LanguageCode);
        Assert.Equal([Role.Customer], profile.Roles);
        Assert.Single(await Api.EmailsToAsync(registered.UserId, OneTimeTokenPurpose.EmailVerification));

        var login = await Api.Auth.LoginAsync(new LoginRequest { Email = $"{local}@EXAMPLE.test", Password = AuthApi.Password }, cancellationToken: Cancellation);
        Assert.Equal(registered.UserId, login.UserId);
    }

    [Fact]
    public async Task Registration_refuses_bad_fields_and_a_taken_email_and_changes_nothing()
    {
        Task<RegisterResponse> Register(string email, string password, string name = "Name") =>
            Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = password, DisplayName = name }, cancellationToken: Cancellation).ResponseAsync;
        var email = AuthApi.UniqueEmail();

        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = "not-an-email", Password = AuthApi.Password, DisplayName = "N" }, cancellationToken: Cancellation), "email");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = "short1", DisplayName = "N" }, cancellationToken: Cancellation), "password", "PASSWORD_TOO_SHORT");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = "Password1234", DisplayName = "N" }, cancellationToken: Cancellation), "password", "PASSWORD_TOO_COMMON");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = AuthApi.Password, DisplayName = " " }, cancellationToken: Cancellation), "display_name");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = AuthApi.Password, DisplayName = new string('a', 101) }, cancellationToken: Cancellation), "display_name");
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email, Password = AuthApi.Password, DisplayName = "N", LanguageCode = "Greek" }, cancellationToken: Cancellation), "language_code");
        Assert.Null(await fixture.Api.Service.Services.GetRequiredService<UserRepository>().FindByEmailAsync(email, Cancellation));

        await Register(email, AuthApi.Password);
        await RpcAssert.FailsAsync(() => Api.Auth.RegisterAsync(new RegisterRequest { Email = email.ToUpperInvariant(), Password = AuthApi.Password, DisplayName = "Twin" }, cancellationToken: Cancellation),
            StatusCode.AlreadyExists, "EMAIL_ALREADY_REGISTERED");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_give_the_identical_error()
    {
        var registered = await Api.RegisterAsync();
        var profile = await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation);

        var wrong = await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = profile.Email, Password = "wrong password 123" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CREDENTIALS");
        var unknown = await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = AuthApi.UniqueEmail(), Password = "wrong password 123" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CREDENTIALS");

        Assert.Equal(wrong.Status.Detail, unknown.Status.Detail);
        await RpcAssert.InvalidFieldAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = profile.Email }, cancellationToken: Cancellation), "password");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password_and_are_audited()
    {
        var registered = await Api.RegisterAsync();
        var email = (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(registered.Tokens.AccessToken), cancellationToken: Cancellation)).Email;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = "wrong password 123" }, cancellationToken: Cancellation), StatusCode.Unauthenticated, "INVALID_CREDENTIALS");
        }

        await RpcAssert.FailsAsync(() => Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation), StatusCode.ResourceExhausted, "ACCOUNT_LOCKED");

        var admin = await Api.AdminAsync();
        Assert.Equal(UserState.Locked, (await Api.Admin.GetUserAsync(new GetUserRequest { UserId = registered.UserId }, admin, cancellationToken: Cancellation)).State);
        var events = await Api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { UserId = registered.UserId }, admin, cancellationToken: Cancellation);
        Assert.Contains(events.SecurityEvents, e => e.Kind == SecurityEventKind.LockedOut);
        Assert.Equal(4, events.SecurityEvents.Count(e => e.Kind == SecurityEventKind.LoginFailed));

        await Api.Admin.EnableUserAsync(new EnableUserRequest { UserId = registered.UserId }, admin, cancellationToken: Cancellation);
        await Api.Auth.LoginAsync(new LoginRequest { Email = email, Password = AuthApi.Password }, cancellationToken: Cancellation);
    }
}
