using Dixis.Auth.Grpc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Dixis.Gateway.Tests.Security;

/// <summary>The real Auth service in-process, with its store and key rings in a fresh temporary directory and a bootstrap admin.</summary>
public sealed class AuthServiceFactory(string adminEmail, string adminPassword) : WebApplicationFactory<AuthGrpcService>
{
    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("dixis-gateway-tests-auth-");

    public string DataDirectory => dataDirectory.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:DataDirectory"] = dataDirectory.FullName,
            ["Auth:BootstrapAdmin:Email"] = adminEmail,
            ["Auth:BootstrapAdmin:Password"] = adminPassword,
        }));
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
