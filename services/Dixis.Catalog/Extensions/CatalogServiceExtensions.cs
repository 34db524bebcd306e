using Dixis.Catalog.Caching;
using Dixis.Catalog.Categories;
using Dixis.Catalog.Inventory;

using Dixis.Catalog.Model;
using Dixis.Catalog.Producers;
using Dixis.Catalog.Products;
using Dixis.Catalog.Repositories;
using Dixis.Catalog.Search;
using Dixis.Catalog.Search.Sync;
using Dixis.Catalog.Seeding;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence;
using Dixis.Persistence.Hosting;
using Dixis.ServiceDefaults.Health;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dixis.Catalog.Extensions;

/// <summary>Everything the catalog service needs besides the shared service defaults.</summary>
public static class CatalogServiceExtensions
{
    public const string ServiceName = "catalog";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddCallerIdentity();
        AddOptions<CatalogOptions>(builder, CatalogOptions.SectionName);
        AddOptions<InventoryOptions>(builder, InventoryOptions.SectionName);
        AddOptions<SearchOptions>(builder, SearchOptions.SectionName);
        AddOptions<ImportOptions>(builder, ImportOptions.SectionName);

        builder.AddDocumentStore(ServiceName, DeclareCollections);
        AddCache(builder);
        AddSearchEngine(builder);

        var services = builder.Services;
        services.AddSingleton<CategoryRepository>();
        services.AddSingleton<ProductRepository>();
        services.AddSingleton<StockRepository>();
        services.AddSingleton<CategoryDirectory>();
        services.AddSingleton<CategoryWriter>();
        services.AddSingleton<ProducerDirectory>();
        services.AddSingleton<ProducerReader>();
        services.AddSingleton<ProducerWriter>();
        services.AddSingleton<ProductValidator>();
        services.AddSingleton<ProductReader>();
        services.AddSingleton<ProductWriter>();
        services.AddSingleton<ProductImporter>();
        services.AddSingleton<VariantSnapshots>();
        services.AddSingleton<CatalogChanges>();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<ReservationLedger>();
        services.AddHostedService<ReservationSweeper>();

        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchIndexStatus>();
        services.AddSingleton<SearchIndexSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexSynchronizer>());
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search", tags: [HealthCheckTags.Ready]);
        services.AddSingleton<ProductCounts>();
        services.AddSingleton<SearchRequestReader>();
        services.AddSingleton<ProductSearch>();
        services.AddSingleton<ProductSuggestions>();
        services.AddSingleton<CatalogMetrics>();

        services.AddHostedService<DemoCatalogSeeder>();
        return builder;
    }

    private static void DeclareCollections(Persistence.Definitions.DocumentStoreBuilder store) => store
        .Collection<CategoryRecord>(CatalogCollections.Categories, categories => categories
            .Index("parentId", "position")
            .Json(CatalogJsonContext.Default.CategoryRecord))
        .Collection<ProductRecord>(CatalogCollections.Products, products => products
            .UniqueIndex("slug")
            .Index("producerId", "createTimeMs")
            .Index("categoryId", "createTimeMs")
            .Index("status", "createTimeMs")
            .Index("updateTimeMs")
            .ShardKey("producerId")
            .Json(CatalogJsonContext.Default.ProductRecord))
        .Collection<ProducerRecord>(CatalogCollections.Producers, producers => producers
            .UniqueIndex("slug")
            .Index("state", "sortName")
            .Index("updateTimeMs")
            .Json(CatalogJsonContext.Default.ProducerRecord))
        .Collection<StockRecord>(CatalogCollections.Stock, stock => stock
            .Index("productId")
            .Index("updateTimeMs")
            .ShardKey("productId")
            .Json(CatalogJsonContext.Default.StockRecord))
        .Collection<ReservationRecord>(CatalogCollections.Reservations, reservations => reservations
            .Index("state", "expireTimeMs")
            .Json(CatalogJsonContext.Default.ReservationRecord))
        .Collection<StockAdjustmentRecord>(CatalogCollections.StockAdjustments, adjustments => adjustments
            .Index("sku", "createTimeMs")
            .ShardKey("sku")
            .Json(CatalogJsonContext.Default.StockAdjustmentRecord));

    /// <summary>
    /// HybridCache: memory always, Redis as the second tier when <c>ConnectionStrings:cache</c> is set (sharing
    /// the service defaults' connection), with cross-replica invalidation over Redis pub/sub.
    /// </summary>
    private static void AddCache(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHybridCache()
            .AddSerializer<Cached<Product>, CachedMessageSerializer<Product>>()
            .AddSerializer<Cached<Producer>, CachedMessageSerializer<Producer>>()
            .AddSerializer<Cached<CategoryTree>, CachedMessageSerializer<CategoryTree>>()
            .AddSerializer<Cached<Google.Protobuf.WellKnownTypes.StringValue>, CachedMessageSerializer<Google.Protobuf.WellKnownTypes.StringValue>>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<CacheInstance>();
        services.AddSingleton<InvalidationAcknowledgements>();

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("cache")))
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CacheInvalidation>(sp));
            return;
        }

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((redis, provider) =>
        {
            redis.InstanceName = "dixis:catalog:";
            redis.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CacheInvalidation>(sp, sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddHostedService<CacheInvalidationListener>();
    }

    /// <summary>
    /// The embedded Lucene.Net engine (Elasticsearch comes behind the same <see cref="IProductSearchIndex"/>). Its
    /// index lives next to the store's data (<c>&lt;Persistence:DataDirectory&gt;/catalog.search</c>, see
    /// <see cref="SearchIndexDirectoryLease"/>) unless <c>Catalog:Search:Lucene:IndexDirectory</c> says otherwise.
    /// </summary>
    private static void AddSearchEngine(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchIndexDirectoryLease>();
        builder.Services.AddOptions<Search.Lucene.LuceneSearchOptions>().PostConfigure<IOptions<PersistenceOptions>, SearchIndexDirectoryLease>((search, persistence, lease) =>
        {
            if (string.IsNullOrWhiteSpace(search.IndexDirectory))
            {
                search.IndexDirectory = lease.Acquire(persistence.Value.DataDirectory!);
            }
        });
        Search.Lucene.LuceneSearchHostingExtensions.AddLuceneProductSearch(builder);
    }

    private static void AddOptions<TOptions>(IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
