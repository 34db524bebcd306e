using Dixis.AppHost.Hosting;

namespace Dixis.AppHost;

/// <summary>The Dixis platform, as its architecture diagram.</summary>
public static class Program
{
    /// <summary><c>dotnet run --project Dixis.AppHost -- [--embedded] [--dashboard-port 18888] …</c></summary>
    public static async Task<int> Main(string[] args)
    {
        if (AppHostCommandLine.IsHelpRequested(args))
        {
            await Console.Out.WriteLineAsync(AppHostCommandLine.Usage);
            return 0;
        }

        PlatformBuilder builder;
        try
        {
            builder = PlatformBuilder.Create(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}{Environment.NewLine}{Environment.NewLine}{AppHostCommandLine.Usage}");
            return 2;
        }

        var platform = DescribePlatform(builder).Build();
        if (builder.Options.EnvironmentName == "Development")
        {
            await Console.Out.WriteLineAsync(
                $"Sign in as {DevelopmentAdministrator.DefaultEmail} (admin) with the password in {DevelopmentAdministrator.PathIn(builder.DataDirectory)}");
        }

        await platform.RunAsync();
        return 0;
    }

    /// <summary>What runs and who uses whom. Also what tests and the benchmark start (<see cref="DixisPlatform.StartAsync(PlatformOptions, CancellationToken)"/>).</summary>
    public static PlatformBuilder DescribePlatform(PlatformBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var cache = builder.AddRedis("cache");
        var mongo = builder.AddMongoDB("mongo");

        // Every service validates access tokens itself, with the keys and revocations the auth service publishes.
        var auth = builder.AddProject("auth", "services/Dixis.Auth").WithReference(mongo, cache);
        var catalog = builder.AddProject("catalog", "services/Dixis.Catalog").WithReference(mongo, cache).WithReference(auth);
        var shipping = builder.AddProject("shipping", "services/Dixis.Shipping").WithReference(mongo, cache).WithReference(auth);
        var orders = builder.AddProject("orders", "services/Dixis.Orders").WithReference(mongo, cache).WithReference(catalog, shipping, auth);

        // Shipping reports shipment progress back to orders (through its outbox): endpoints only, no start-order cycle.
        shipping.WithEndpointsOf(orders);

        if (builder.Options.EnvironmentName == "Development")
        {
            // A local administrator to sign in as (its password is in the data directory), and the catalog tools'
            // interim caller header (dixis-catalog without DIXIS_ACCESS_TOKEN), which the catalog accepts in Development only.
            foreach (var (key, value) in DevelopmentAdministrator.LoadOrCreate(builder.DataDirectory).AuthEnvironment)
            {
                auth.WithEnvironment(key, value);
            }

            catalog.WithEnvironment("Authentication__TrustInternalCallerHeader", "true");
        }

        builder.AddProject("gateway", "Dixis.Gateway").WithReference(auth, catalog, orders, shipping).WithExternalHttpEndpoints();

        return builder;
    }
}
