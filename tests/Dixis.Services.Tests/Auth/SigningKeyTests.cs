using Dixis.Auth.SigningKeys;
using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dixis.Services.Tests.Auth;

/// <summary>The JWKS, key rotation, keys persisting across restarts, and the claims of access tokens.</summary>
public sealed class SigningKeyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_jwks_publishes_the_signing_key_and_tokens_carry_the_documented_claims()
    {
        using var settings = AuthSettings.Create();
        await using var service = DixisServices.Start("auth", settings);
        using var channel = service.CreateGrpcChannel();
        var api = new AuthApi(channel, service, settings.DataDirectory);
        var registered = await api.RegisterAsync();

        var key = Assert.Single((await api.Jwks.GetJwksAsync(new GetJwksRequest(), cancellationToken: Cancellation)).Keys);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (key.Kty, key.Crv, key.Alg, key.Use));
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.X).Length);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.Y).Length);

        var token = new JsonWebToken(registered.Tokens.AccessToken);
        Assert.Equal(("ES256", key.Kid), (token.Alg, token.Kid));
        Assert.Equal(("dixis-auth", "dixis-api", registered.UserId), (token.Issuer, token.Audiences.Single(), token.Subject));
        Assert.Equal(["customer"], token.GetPayloadValue<string[]>("roles"));
        Assert.NotEmpty(token.GetPayloadValue<string>("sid"));
        Assert.NotEmpty(token.Id);
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromMinutes(10));
        Assert.Equal(token.IssuedAt, token.ValidFrom);
    }

    [Fact]
    public async Task A_rotation_keeps_tokens_of_the_previous_key_valid_and_keys_survive_a_restart()
    {
        using var directory = new ServiceSettings();
        string oldToken, oldKid, newToken;
        await using (var first = DixisServices.Start("auth", AuthSettings.Create(directory.DataDirectory)))
        {
            using var channel = first.CreateGrpcChannel();
            var api = new AuthApi(channel, first, directory.DataDirectory);
            var before = await api.RegisterAsync();
            oldToken = before.Tokens.AccessToken;
            oldKid = new JsonWebToken(oldToken).Kid;

            await first.Services.GetRequiredService<SigningKeyRing>().RotateAsync(Cancellation);

            var after = await api.RegisterAsync();
            newToken = after.Tokens.AccessToken;
            Assert.NotEqual(oldKid, new JsonWebToken(newToken).Kid);
            var kids = (await api.Jwks.GetJwksAsync(new GetJwksRequest(), cancellationToken: Cancellation)).Keys.Select(k => k.Kid).ToList();
            Assert.Equal([new JsonWebToken(newToken).Kid, oldKid], kids);
            await api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(oldToken), cancellationToken: Cancellation);
            var admin = await api.AdminAsync();
            Assert.Contains((await api.Admin.ListSecurityEventsAsync(new ListSecurityEventsRequest { Kind = SecurityEventKind.SigningKeyRotated }, admin, cancellationToken: Cancellation)).SecurityEvents,
                e => e.Details["key_id"] == new JsonWebToken(newToken).Kid);
        }

        await using var second = DixisServices.Start("auth", AuthSettings.Create(directory.DataDirectory));
        using var secondChannel = second.CreateGrpcChannel();
        var restarted = new AuthApi(secondChannel, second, directory.DataDirectory);
        await restarted.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(oldToken), cancellationToken: Cancellation);
        await restarted.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(newToken), cancellationToken: Cancellation);
        Assert.Equal(new JsonWebToken(newToken).Kid, new JsonWebToken((await restarted.RegisterAsync()).Tokens.AccessToken).Kid);
    }

    [Fact]
    public async Task Tokens_signed_by_the_real_key_for_another_audience_or_issuer_are_refused()
    {
        using var settings = AuthSettings.Create();
        await using var service = DixisServices.Start("auth", settings);
        using var channel = service.CreateGrpcChannel();
        var api = new AuthApi(channel, service, settings.DataDirectory);
        var registered = await api.RegisterAsync();
        var credentials = await service.Services.GetRequiredService<SigningKeyRing>().GetSigningCredentialsAsync(Cancellation);

        foreach (var (issuer, audience) in new[] { ("dixis-auth", "another-api"), ("someone-else", "dixis-api") })
        {
            var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = new Dictionary<string, object> { ["sub"] = registered.UserId, ["roles"] = new[] { "customer", "admin" } },
                SigningCredentials = credentials,
            });
            await RpcAssert.FailsAsync(() => api.Profiles.GetProfileAsync(new GetProfileRequest(), AuthApi.Bearer(forged), cancellationToken: Cancellation), StatusCode.Unauthenticated);
        }
    }
}
