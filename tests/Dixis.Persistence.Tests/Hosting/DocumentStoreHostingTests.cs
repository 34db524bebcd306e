using Dixis.Persistence.Documents;
using Dixis.Persistence.Hosting;
using Dixis.Persistence.Mongo;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Sqlite;
using Dixis.Persistence.Tests.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Tests.Hosting;

/// <summary>The one-call registration as a service's Program.cs uses it, on a real host.</summary>
public sealed class DocumentStoreHostingTests : IDisposable
{
    private readonly string contentRoot = Directory.CreateTempSubdirectory("dixis-hosting-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);

    [Fact]
    public async Task Without_a_mongo_connection_string_the_service_gets_a_ready_sqlite_file_in_the_data_directory()
    {
        var dataDirectory = Path.Combine(contentRoot, "data");
        using var host = Build(("Persistence:DataDirectory", dataDirectory));
        await host.StartAsync(Cancel);

        var stock = host.Services.GetRequiredService<IDocumentCollection<StockItem>>();
        await stock.InsertAsync("p1", new StockItem("SKU-1", "Olive oil", 3, 1250), Cancel);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"), Cancel);
        await host.StopAsync(Cancel);

        Assert.True(File.Exists(Path.Combine(dataDirectory, "catalog.db")));
        Assert.Equal(HealthStatus.Healthy, health.Entries["sqlite"].Status);
        Assert.Equal("sqlite", host.Services.GetRequiredService<IDocumentStore>().Engine);
    }

    [Fact]
    public async Task The_default_data_directory_is_dot_data_under_the_content_root()
    {
        using var host = Build();
        await host.StartAsync(Cancel);
        await host.StopAsync(Cancel);

        var store = Assert.IsType<SqliteDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
        Assert.Equal(Path.Combine(contentRoot, ".data", "catalog.db"), store.FilePath);
        Assert.True(File.Exists(store.FilePath));
    }

    [Fact]
    public void A_relative_data_directory_is_taken_relative_to_the_content_root()
    {
        using var host = Build(("Persistence:DataDirectory", "state/db"));

        var store = Assert.IsType<SqliteDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());

        Assert.Equal(Path.Combine(contentRoot, "state", "db", "catalog.db"), store.FilePath);
    }

    [Fact]
    public void A_mongo_connection_string_selects_mongodb_with_a_database_per_service_and_a_mongo_readiness_check()
    {
        using var host = Build(("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100"));

        var store = host.Services.GetRequiredService<IDocumentStore>();
        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.IsType<MongoDocumentStore>(store);
        Assert.Equal("mongo", store.Engine);
        Assert.Equal("catalog", store.Definition.ServiceName);
        Assert.Equal("catalog", ((MongoDocumentStore)store).Database.DatabaseNamespace.DatabaseName);
        var check = Assert.Single(checks);
        Assert.Equal("mongo", check.Name);
        Assert.Contains("ready", check.Tags);
    }

    [Fact]
    public void A_named_mongo_database_replaces_the_service_name()
    {
        using var host = Build(("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100"), ("Persistence:MongoDatabase", "catalog_side_by_side"));

        var store = Assert.IsType<MongoDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());

        Assert.Equal("catalog_side_by_side", store.Database.DatabaseNamespace.DatabaseName);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_at_start_naming_each_setting()
    {
        using var host = Build(("Persistence:MaxPageSize", "0"), ("Persistence:Outbox:BatchSize", "0"), ("Persistence:MongoDatabase", "shop.catalog"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        Assert.Contains("Persistence:MaxPageSize must be between 1 and 10000.", error.Failures);
        Assert.Contains("Persistence:Outbox:BatchSize must be between 1 and 1000.", error.Failures);
        Assert.Contains(error.Failures, failure => failure.StartsWith("Persistence:MongoDatabase must be at most 63 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hosted_dispatcher_delivers_enqueued_messages_to_registered_handlers()
    {
        using var host = Build(("Persistence:Outbox:PollInterval", "00:00:00.050"));
        await host.StartAsync(Cancel);

        var id = await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxMessage(ProbeHandler.Type, [1, 2]), Cancel);
        var delivered = await host.Services.GetRequiredService<DeliveryProbe>().Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        await host.StopAsync(Cancel);

        Assert.Equal(id, delivered.Id);
        Assert.Equal([1, 2], delivered.Payload);
    }

    [Fact]
    public void A_second_document_store_in_one_service_is_refused()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
        builder.AddDocumentStore("catalog", _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDocumentStore("orders", _ => { }));

        Assert.Contains("already called", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddDocumentStore("catalog", store => store.Collection<StockItem>("stock", c => c.Index("price").UniqueIndex("sku")));
        builder.Services.AddSingleton<DeliveryProbe>();
        builder.Services.AddOutboxHandler<ProbeHandler>();
        return builder.Build();
    }
}
