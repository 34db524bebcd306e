using Dixis.Catalog.DemoData;
using Dixis.Catalog.Inventory;
using Dixis.Catalog.Model;
using Dixis.Catalog.Producers;
using Dixis.Catalog.Products;
using Dixis.Catalog.Repositories;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Seeding;

/// <summary>
/// Seeds the demo catalog before the service starts serving, when <c>Catalog:SeedDemoData</c> is on and the
/// store holds no categories: the category tree, <see cref="CatalogOptions.DemoProducerCount"/> producers and
/// <see cref="CatalogOptions.DemoProductCount"/> products with opening stock (<see cref="DemoData"/>). Products
/// go through the same import as <c>ImportProducts</c>, so demo data obeys every rule real data does. Safe with
/// several replicas starting at once: ids are deterministic, the import is idempotent by its request id, and
/// opening stock is only set where there is none.
/// </summary>
public sealed partial class DemoCatalogSeeder(
    CategoryRepository repository,
    ProducerDirectory producers,
    ProductImporter importer,
    StockLedger stock,
    IOptions<CatalogOptions> options,
    TimeProvider timeProvider,
    ILogger<DemoCatalogSeeder> logger) : IHostedLifecycleService
{
    /// <summary>Who the audit trail names for demo data.</summary>
    private const string SeedActor = "demo-seed";

    private static readonly Caller Seeder = new(SeedActor, new HashSet<string> { CallerRoles.Admin }, null, null, new HashSet<string>());
    /// <summary>Runs before any hosted service starts, so the first request already sees the tree.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoData || await repository.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var inserted = 0;
        for (var position = 0; position < DemoCategoryTree.Roots.Count; position++)
        {
            inserted += await SeedAsync(DemoCategoryTree.Roots[position], parent: null, position, now, cancellationToken);
        }

        LogSeeded(logger, inserted);
        await SeedProducersAndProductsAsync(now, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> SeedAsync(DemoCategory category, (string Id, string Path)? parent, int position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = parent is { } p ? $"{p.Path}/{category.Slug}" : category.Slug;
        var id = DemoCategoryId.For(path);
        var record = new CategoryRecord(
            parent?.Id,
            category.Slug,
            new Dictionary<string, string> { ["el"] = category.NameEl, ["en"] = category.NameEn },
            string.IsNullOrEmpty(category.DescriptionEl)
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["el"] = category.DescriptionEl, ["en"] = category.DescriptionEn },
            position,
            now,
            now);

        var inserted = await repository.InsertIfAbsentAsync(id, record, cancellationToken) ? 1 : 0;
        for (var childPosition = 0; childPosition < category.Children.Count; childPosition++)
        {
            inserted += await SeedAsync(category.Children[childPosition], (id, path), childPosition, now, cancellationToken);
        }

        return inserted;
    }

    private async Task SeedProducersAndProductsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var generator = new DemoProductGenerator(producerCount: options.Value.DemoProducerCount);
        foreach (var producer in generator.Producers)
        {
            try
            {
                await producers.Producers.InsertAsync(producer.Id, ProducerMapper.ToRecord(producer, now.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()), cancellationToken);
            }
            catch (Exception taken) when (taken is DocumentAlreadyExistsException or UniqueIndexViolationException)
            {
                // Another replica seeded it first.
            }
        }

        if (options.Value.DemoProductCount == 0)
        {
            return;
        }

        var products = generator.Generate(options.Value.DemoProductCount).ToList();
        var result = await ImportAsync(products, cancellationToken);
        var stocked = await stock.SeedOpeningStockAsync(products.SelectMany(product => product.StockBySku), SeedActor, cancellationToken);
        LogSeededProducts(logger, generator.Producers.Count, result.CreatedCount + result.UpdatedCount, result.FailedCount, stocked);
    }

    /// <summary>Imports the demo products once: a replica that finds the import running waits for its result.</summary>
    private async Task<ImportProductsResponse> ImportAsync(IReadOnlyList<DemoProduct> products, CancellationToken cancellationToken)
    {
        var requestId = DemoData.NameBasedId.For("dixis.catalog.demo-import", $"{options.Value.DemoProductCount}/{options.Value.DemoProducerCount}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await importer.ImportAsync(Rows(products, requestId), Seeder, cancellationToken);
            }
            catch (RpcException running) when (running.StatusCode == StatusCode.Aborted && attempt < 240)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeProvider, cancellationToken);
            }
        }
    }

    private static async IAsyncEnumerable<ImportProductsRequest> Rows(IReadOnlyList<DemoProduct> products, string requestId)
    {
        await Task.CompletedTask;
        for (var i = 0; i < products.Count; i++)
        {
            yield return i == 0
                ? new ImportProductsRequest { RequestId = requestId, Mode = ImportMode.Upsert, Product = products[i].Product }
                : new ImportProductsRequest { Product = products[i].Product };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Producers} demo producers and {Products} demo products ({Failed} rejected), opening stock for {Stocked} SKUs")]
    private static partial void LogSeededProducts(ILogger logger, int producers, long products, long failed, int stocked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo categories")]
    private static partial void LogSeeded(ILogger logger, int count);
}
