using Dixis.Contracts.Auth.V1;
using Dixis.Services.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dixis.Services.Tests.Auth;

/// <summary>
/// A login flood cannot exhaust the service: Argon2id work runs in a bounded number of slots with a bounded queue, and
/// what does not fit is refused at once with RESOURCE_EXHAUSTED (and a retry delay) instead of piling up 19 MiB hashes.
/// </summary>
public sealed class PasswordHashingLoadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logins_beyond_the_hashing_slots_and_queue_are_refused_at_once_and_the_rest_are_answered()
    {
        await using var auth = DixisServices.Start("auth", AuthSettings.Create(extra: new()
        {
            ["Auth:Passwords:MaxConcurrentHashes"] = "1",
            ["Auth:Passwords:MaxQueuedHashes"] = "1",
        }));
        using var channel = auth.CreateGrpcChannel();
        var client = new AuthService.AuthServiceClient(channel);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(attempt => LoginOutcomeAsync(client, attempt)));

        var shed = outcomes.Where(o => o.Code == StatusCode.ResourceExhausted).ToList();
        Assert.NotEmpty(shed);
        Assert.All(shed, o => Assert.NotNull(o.Retry));
        Assert.Contains(outcomes, o => o.Code == StatusCode.Unauthenticated);
        Assert.All(outcomes, o => Assert.Contains(o.Code, new[] { StatusCode.ResourceExhausted, StatusCode.Unauthenticated }));

        // Once the flood is over, a login is answered normally again.
        var after = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Email = "nobody@example.test", Password = "wrong password here" }, cancellationToken: Cancellation).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
    }

    private static async Task<LoginOutcome> LoginOutcomeAsync(AuthService.AuthServiceClient client, int attempt)
    {
        try
        {
            await client.LoginAsync(new LoginRequest { Email = $"nobody-{attempt}@example.test", Password = "wrong password here" }, cancellationToken: Cancellation);
            return new LoginOutcome(StatusCode.OK, null);
        }
        catch (RpcException refused)
        {
            return new LoginOutcome(refused.StatusCode, refused.GetRpcStatus()?.GetDetail<RetryInfo>());
        }
    }

    private sealed record LoginOutcome(StatusCode Code, RetryInfo? Retry);
}
