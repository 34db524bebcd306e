using Dixis.Catalog.DemoData;
using Dixis.Catalog.Model;
using Dixis.Catalog.Repositories;
using Microsoft.Extensions.Options;

namespace Dixis.Catalog.Seeding;

/// <summary>
/// Seeds the demo category tree before the service starts serving, when <c>Catalog:SeedDemoData</c>
/// is on and the store holds no categories. Safe with several replicas starting at once.
/// </summary>
public sealed partial class DemoCatalogSeeder(
    CategoryRepository repository,
    IOptions<CatalogOptions> options,
    TimeProvider timeProvider,
    ILogger<DemoCatalogSeeder> logger) : IHostedLifecycleService
{
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo categories")]
    private static partial void LogSeeded(ILogger logger, int count);
}
