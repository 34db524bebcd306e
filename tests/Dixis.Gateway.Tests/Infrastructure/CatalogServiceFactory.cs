using Dixis.Catalog.Grpc;
using Dixis.Testing;
using Dixis.Testing.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>
/// The real Catalog service in-process, with its SQLite file in a fresh temporary directory. It trusts the test token
/// issuer, or, given <paramref name="auth"/>, reads keys and revocations from that in-process Auth service as in production.
/// </summary>
public sealed class CatalogServiceFactory(HttpMessageHandler? auth = null) : WebApplicationFactory<CategoryGrpcService>
{
    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("dixis-gateway-tests-catalog-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:DataDirectory"] = dataDirectory.FullName,
            ["Catalog:SeedDemoData"] = "true",
            // The demo tree and producers are enough here; a thousand demo products would only slow the start.
            ["Catalog:DemoProductCount"] = "0",
        }));
        if (auth is null)
        {
            builder.ConfigureTestServices(services => services.TrustTestTokens(TestTokenIssuer.Shared));
            return;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:auth:grpc:0"] = "http://auth.test",
            ["Authentication:RevocationsRefreshInterval"] = "00:00:00.200",
        }));
        builder.ConfigureTestServices(services => services.PostConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers =>
                handlers.PrimaryHandler = new DownstreamRouter(new Dictionary<string, HttpMessageHandler> { ["auth.test"] = auth }))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle closing late must not fail the run; the OS cleans temp eventually.
        }
    }
}
