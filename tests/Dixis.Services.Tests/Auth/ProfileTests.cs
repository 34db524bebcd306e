using Dixis.Auth.Repositories;
using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dixis.Services.Tests.Auth;

/// <summary><c>ProfileService</c>: the signed-in user's own profile.</summary>
public sealed class ProfileTests(AuthServiceFixture fixture) : IClassFixture<AuthServiceFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AuthApi Api => fixture.Api;

    [Fact]
    public async Task A_user_updates_the_writable_fields_and_the_phone_number_is_encrypted_at_rest()
    {
        var user = await Api.RegisterAsync();
        var caller = AuthApi.Bearer(user.Tokens.AccessToken);
        var before = await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation);

        var updated = await Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { DisplayName = "Νίκος", PhoneNumber = "+302101234567", LanguageCode = "en", Etag = before.Etag },
            UpdateMask = new FieldMask { Paths = { "display_name", "phone_number", "language_code" } },
        }, caller, cancellationToken: Cancellation);

        Assert.Equal(("Νίκος", "+302101234567", "en"), (updated.DisplayName, updated.PhoneNumber, updated.LanguageCode));
        Assert.NotEqual(before.Etag, updated.Etag);
        Assert.Equal("+302101234567", (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation)).PhoneNumber);
        var stored = (await Api.Service.Services.GetRequiredService<UserRepository>().GetAsync(user.UserId, Cancellation))!.Value;
        Assert.DoesNotContain("1234567", stored.PhoneNumberProtected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_only_fields_a_missing_mask_bad_values_and_a_stale_etag_are_refused()
    {
        var user = await Api.RegisterAsync();
        var caller = AuthApi.Bearer(user.Tokens.AccessToken);
        var before = await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation);
        Task<Profile> Update(Profile profile, params string[] paths) =>
            Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = profile, UpdateMask = new FieldMask { Paths = { paths } } }, caller, cancellationToken: Cancellation).ResponseAsync;

        await RpcAssert.InvalidFieldAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { Roles = { Role.Admin } }, UpdateMask = new FieldMask { Paths = { "roles" } } }, caller, cancellationToken: Cancellation), "update_mask", "FIELD_NOT_WRITABLE");
        await RpcAssert.InvalidFieldAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { Email = "x@y.z" }, UpdateMask = new FieldMask { Paths = { "email" } } }, caller, cancellationToken: Cancellation), "update_mask", "FIELD_NOT_WRITABLE");
        await RpcAssert.InvalidFieldAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { DisplayName = "x" } }, caller, cancellationToken: Cancellation), "update_mask");
        await RpcAssert.InvalidFieldAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { PhoneNumber = "2101234567" }, UpdateMask = new FieldMask { Paths = { "phone_number" } } }, caller, cancellationToken: Cancellation), "profile.phone_number");
        await RpcAssert.InvalidFieldAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { DisplayName = "" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, caller, cancellationToken: Cancellation), "profile.display_name");

        await Update(new Profile { DisplayName = "First", Etag = before.Etag }, "display_name");
        await RpcAssert.FailsAsync(() => Api.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = new Profile { DisplayName = "Second", Etag = before.Etag }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, caller, cancellationToken: Cancellation), StatusCode.Aborted, "ETAG_MISMATCH");
        Assert.Equal("First", (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation)).DisplayName);
        Assert.Equal([Role.Customer], (await Api.Profiles.GetProfileAsync(new GetProfileRequest(), caller, cancellationToken: Cancellation)).Roles);
        await RpcAssert.FailsAsync(() => Api.Profiles.GetProfileAsync(new GetProfileRequest(), cancellationToken: Cancellation), StatusCode.Unauthenticated);
    }
}
