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
        Assert.Equal(["mongo", "outbox"], checks.Select(check => check.Name));
        Assert.All(checks, check => Assert.Contains("ready", check.Tags));
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
        using var host = Build(
            ("Persistence:MaxPageSize", "0"), ("Persistence:Outbox:BatchSize", "0"), ("Persistence:Outbox:MaxAttempts", "0"), ("Persistence:MongoDatabase", "shop.catalog"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        Assert.Contains("Persistence:MaxPageSize must be between 1 and 10000.", error.Failures);
        Assert.Contains("Persistence:Outbox:BatchSize must be between 1 and 1000.", error.Failures);
        Assert.Contains("Persistence:Outbox:MaxAttempts must be between 1 and 10000.", error.Failures);
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

    [Theory]
    [InlineData("-1")]
    [InlineData("10001")]
    public async Task Max_attempts_outside_its_range_stops_the_host_at_start(string maxAttempts)
    {
        using var host = Build(("Persistence:Outbox:MaxAttempts", maxAttempts));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        Assert.Equal(["Persistence:Outbox:MaxAttempts must be between 1 and 10000."], error.Failures);
    }

    [Fact]
    public void Max_attempts_defaults_to_fifty()
    {
        using var host = Build();

        Assert.Equal(50, host.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Outbox.MaxAttempts);
    }

    [Fact]
    public async Task Dead_letters_turn_the_outbox_check_degraded_with_their_count_and_a_requeue_makes_it_healthy_again()
    {
        using var host = Build(("Persistence:Outbox:PollInterval", "00:00:00.050"));
        await host.StartAsync(Cancel);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var before = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), Cancel);

        // No handler takes this type: each message is parked on its first delivery.
        var outbox = host.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(new OutboxMessage("catalog.unknown-effect", [1]), Cancel);
        await outbox.EnqueueAsync(new OutboxMessage("catalog.unknown-effect", [2]), Cancel);
        var degraded = await ReadinessEventuallyAsync(health, report => report.Entries["outbox"].Data["deadLetters"] is 2L);

        // Stopped first, so the dispatcher does not park the requeued messages again before the check runs.
        await host.StopAsync(Cancel);
        var queue = host.Services.GetRequiredService<IOutboxQueue>();
        var parked = await queue.ListDeadLettersAsync(10, cancellationToken: Cancel);
        foreach (var letter in parked)
        {
            Assert.True(await queue.RequeueDeadLetterAsync(letter.Id, TimeProvider.System.GetUtcNow(), Cancel));
        }

        var afterRequeue = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), Cancel);

        Assert.Equal(HealthStatus.Healthy, before.Entries["outbox"].Status);
        Assert.Equal(0L, before.Entries["outbox"].Data["deadLetters"]);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(HealthStatus.Healthy, degraded.Entries["sqlite"].Status);
        Assert.Equal(2L, degraded.Entries["outbox"].Data["deadLetters"]);
        Assert.StartsWith("The outbox of 'catalog' holds 2 dead letter(s)", degraded.Entries["outbox"].Description, StringComparison.Ordinal);
        Assert.Equal(2, parked.Count);
        Assert.All(parked, letter => Assert.Equal("catalog.unknown-effect", letter.Type));
        Assert.Equal(HealthStatus.Healthy, afterRequeue.Entries["outbox"].Status);
    }

    [Fact]
    public async Task A_store_that_cannot_count_its_dead_letters_makes_the_outbox_check_degraded_not_unhealthy()
    {
        using var host = Build(("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100&connectTimeoutMS=100"));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "outbox", Cancel);

        Assert.Equal(HealthStatus.Degraded, report.Entries["outbox"].Status);
        Assert.Equal("The outbox of 'catalog' could not count its dead letters.", report.Entries["outbox"].Description);
    }

    [Fact]
    public void A_second_document_store_in_one_service_is_refused()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
        builder.AddDocumentStore("catalog", _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDocumentStore("orders", _ => { }));

        Assert.Contains("already called", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HealthReport> ReadinessEventuallyAsync(HealthCheckService health, Func<HealthReport, bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (true)
        {
            var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), Cancel);
            if (condition(report) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), Cancel);
        }
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
