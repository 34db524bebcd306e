using Dixis.Persistence.Definitions;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Mongo;
using Dixis.Persistence.Outbox;
using Dixis.Persistence.Sqlite;
using Dixis.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Hosting;

/// <summary>Registers a service's document store: <c>builder.AddDocumentStore("catalog", store =&gt; store.Collection&lt;Product&gt;("products", …))</c>.</summary>
public static class DocumentStoreHostingExtensions
{
    /// <summary>The connection string name that switches the store to MongoDB (<c>ConnectionStrings__mongo</c>).</summary>
    public const string MongoConnectionName = "mongo";

    /// <summary>
    /// Adds the document store of <paramref name="serviceName"/>: MongoDB (database named after the service)
    /// when <c>ConnectionStrings:mongo</c> is set, otherwise SQLite at <c>&lt;Persistence:DataDirectory&gt;/&lt;service&gt;.db</c>.
    /// Registers <see cref="IDocumentStore"/>, each declared <see cref="IDocumentCollection{T}"/>, <see cref="IOutbox"/>,
    /// <c>IIdempotencyStore</c>, the outbox dispatcher and its metrics, schema creation at start, a readiness health check
    /// named after the engine (<c>sqlite</c> or <c>mongo</c>) tagged <c>ready</c>, and the <c>outbox</c> check, also
    /// tagged <c>ready</c>, that reports Degraded (never Unhealthy) while dead letters exist.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentStore(
        this IHostApplicationBuilder builder, string serviceName, Action<DocumentStoreBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(IDocumentStore)))
        {
            throw new InvalidOperationException("AddDocumentStore was already called: a service has one document store.");
        }

        var storeBuilder = new DocumentStoreBuilder(serviceName);
        configure(storeBuilder);
        var definition = storeBuilder.Build();
        var mongoConnectionString = builder.Configuration.GetConnectionString(MongoConnectionName);
        var useMongo = !string.IsNullOrWhiteSpace(mongoConnectionString);

        services.AddOptions<PersistenceOptions>()
            .BindConfiguration(PersistenceOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.DataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory)
                    ? Path.Combine(environment.ContentRootPath, ".data")
                    : Path.GetFullPath(options.DataDirectory, environment.ContentRootPath))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IDocumentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return useMongo
                ? new MongoDocumentStore(mongoConnectionString!, definition, options, time, string.IsNullOrEmpty(options.MongoDatabase) ? null : options.MongoDatabase)
                : new SqliteDocumentStore(Path.Combine(options.DataDirectory!, definition.ServiceName + ".db"), definition, options, time);
        });
        foreach (var register in storeBuilder.Registrations)
        {
            register(services);
        }

        services.AddSingleton(sp => sp.GetRequiredService<IDocumentStore>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<IDocumentStore>().Idempotency);
        services.AddSingleton(sp => sp.GetRequiredService<IDocumentStore>().OutboxQueue);
        services.AddHostedService<DocumentStoreInitializer>();
        services.AddMetrics();
        services.TryAddSingleton<OutboxMetrics>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<DocumentStoreMaintenance>();
        services.AddHealthChecks()
            .AddCheck<DocumentStoreHealthCheck>(useMongo ? MongoDocumentStore.EngineName : "sqlite", tags: [HealthCheckTags.Ready])
            .AddCheck<OutboxDeadLetterHealthCheck>(OutboxDeadLetterHealthCheck.Name, HealthStatus.Degraded, [HealthCheckTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Registers a handler for one outbox message type. Handlers must be idempotent: delivery is at least once.
    /// </summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler
    {
        services.AddSingleton<IOutboxHandler, THandler>();
        return services;
    }
}
