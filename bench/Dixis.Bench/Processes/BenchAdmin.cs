using System.Security.Cryptography;
using Dixis.Catalog.Loading;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Bench.Processes;

/// <summary>
/// The administrator the harness acts as (loading products, rebuilding the index): the auth service creates it at start
/// from <c>Auth:BootstrapAdmin</c>, with a password made for this run only, and the harness signs in like any client.
/// </summary>
public sealed class BenchAdmin(TimeProvider timeProvider)
{
    public const string Email = "bench-admin@dixis.local";

    private readonly string password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The auth service's settings that create the administrator.</summary>
    public Dictionary<string, string> AuthEnvironment => new()
    {
        ["Auth__BootstrapAdmin__Email"] = Email,
        ["Auth__BootstrapAdmin__Password"] = password,
    };

    /// <summary>Signs in at the auth service's grpc endpoint; the caller carries the access token (ten minutes at most).</summary>
    public async Task<CallerIdentity> SignInAsync(Uri authGrpc, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(authGrpc, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { UseProxy = false } });
        try
        {
            var response = await new AuthService.AuthServiceClient(channel).LoginAsync(
                new LoginRequest { Email = Email, Password = password },
                deadline: timeProvider.GetUtcNow().UtcDateTime.AddSeconds(30),
                cancellationToken: cancellationToken);
            return CallerIdentity.Bearer(response.Tokens.AccessToken);
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException($"signing in as the bench administrator at {authGrpc} failed: {failure.Status.StatusCode} {failure.Status.Detail}", failure);
        }
    }
}
