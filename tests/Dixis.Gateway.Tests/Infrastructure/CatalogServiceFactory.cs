using Dixis.Catalog.Grpc;
using Dixis.Testing.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Dixis.Gateway.Tests.Infrastructure;

/// <summary>The real Catalog service in-process, with its SQLite file in a fresh temporary directory.</summary>
public sealed class CatalogServiceFactory : WebApplicationFactory<CategoryGrpcService>
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
        builder.ConfigureTestServices(services => services.TrustTestTokens(TestTokenIssuer.Shared));
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
