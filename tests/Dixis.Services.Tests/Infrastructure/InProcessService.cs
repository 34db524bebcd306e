using Dixis.Testing.Tokens;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Dixis.Services.Tests.Infrastructure;

/// <summary>
/// A real service (its own Program.cs) in-process, with its SQLite files in a data directory owned by
/// the test. <typeparamref name="TEntryPoint"/> is any public type of the service's assembly: each
/// service has a top-level Program in the global namespace, so Program itself would be ambiguous.
/// </summary>
public sealed class InProcessService<TEntryPoint>(string name, ServiceSettings settings) : WebApplicationFactory<TEntryPoint>, IRunningService
    where TEntryPoint : class
{
    public string Name { get; } = name;

    IServiceProvider IRunningService.Services => Services;

    public HttpClient CreateHttpClient() => CreateClient();

    public HttpMessageHandler CreateHandler() => Server.CreateHandler();

    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(settings.Environment);
        builder.UseSetting("Persistence:DataDirectory", settings.DataDirectory);
        foreach (var (key, value) in settings.Values)
        {
            builder.UseSetting(key, value);
        }

        // Services other than Auth validate tokens with the Auth service's keys; without an Auth service running,
        // they trust the test issuer's key instead, and validate its tokens with their real validation code.
        // The Auth service keeps its own keys (it verifies the tokens it issues) and trusts the test issuer's as well.
        if (settings.TrustTestTokens)
        {
            builder.ConfigureTestServices(services =>
            {
                if (Name == "auth")
                {
                    services.AlsoTrustTestTokens(TestTokenIssuer.Shared);
                }
                else
                {
                    services.TrustTestTokens(TestTokenIssuer.Shared);
                }
            });
        }

        if (settings.Services is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        settings.Dispose();
    }
}
