using System.Security.Cryptography;
using Dixis.Bench.Scenarios;
using Dixis.Contracts.Auth.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dixis.Bench.Identity;

/// <summary>
/// The customer the identity scenarios sign in as: registered once per invocation through <c>AuthService.Register</c>
/// straight at Auth's grpc endpoint (setup, not measured), with an email and a password made for this run only. A
/// customer rather than the bench administrator, so that thousands of sign-ins touch no account the harness needs.
/// </summary>
public sealed class BenchCustomer
{
    private static readonly TimeSpan CallTimeLimit = TimeSpan.FromSeconds(30);
    private readonly Uri authGrpc;
    private readonly TimeProvider timeProvider;

    private BenchCustomer(Uri authGrpc, CustomerCredentials credentials, TimeProvider timeProvider)
    {
        this.authGrpc = authGrpc;
        Credentials = credentials;
        this.timeProvider = timeProvider;
    }

    public CustomerCredentials Credentials { get; }

    /// <exception cref="BenchFailedException">Auth refused the registration or did not answer.</exception>
    public static async Task<BenchCustomer> RegisterAsync(Uri authGrpc, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // A fresh data directory holds no account, but --installed-engines may reuse a MongoDB: a unique email either way.
        var credentials = new CustomerCredentials(
            $"bench-customer-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}@dixis.local",
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        var customer = new BenchCustomer(authGrpc, credentials, timeProvider);
        await customer.CallAsync("Register", client => client.RegisterAsync(
            new RegisterRequest { Email = credentials.Email, Password = credentials.Password, DisplayName = "Bench customer", LanguageCode = "en" },
            deadline: customer.Deadline(),
            cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        return customer;
    }

    /// <summary>Signs in and returns a new access token (it lives ten minutes at most).</summary>
    /// <exception cref="BenchFailedException">Auth refused the sign-in or did not answer.</exception>
    public async Task<string> SignInAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("Login", client => client.LoginAsync(
            new LoginRequest { Email = Credentials.Email, Password = Credentials.Password },
            deadline: Deadline(),
            cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        return response.Tokens.AccessToken;
    }

    private DateTime Deadline() => timeProvider.GetUtcNow().UtcDateTime.Add(CallTimeLimit);

    private async Task<TResponse> CallAsync<TResponse>(
        string method, Func<AuthService.AuthServiceClient, Task<TResponse>> call, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(authGrpc, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { UseProxy = false } });
        try
        {
            return await call(new AuthService.AuthServiceClient(channel));
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException(
                $"dixis.auth.v1.AuthService/{method} of the bench customer {Credentials.Email} at {authGrpc} failed: {failure.Status.StatusCode} {failure.Status.Detail}",
                failure);
        }
    }
}
