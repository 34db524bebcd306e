using System.Diagnostics.Metrics;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Tests.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dixis.Persistence.Tests.Contract;

/// <summary>
/// The behaviour every adapter must show. Each adapter's test class derives from this and says how to open
/// a store on the test's own storage (a temp SQLite file, a fresh MongoDB database); opening it again reaches
/// the same data, as a restarted process would.
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    private readonly List<IDocumentStore> opened = [];

    // Meters of this test only: instruments from another factory (a parallel test) are not seen by its collectors.
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    protected PersistenceOptions Settings { get; } = new() { DataDirectory = Path.GetTempPath(), MaxPageSize = 100 };

    protected IMeterFactory MeterFactory => meters.GetRequiredService<IMeterFactory>();

    /// <summary>A new store object over this test's storage (skips the test when the engine is unavailable).</summary>
    protected abstract IDocumentStore CreateStore();

    /// <summary>Removes this test's storage after the test.</summary>
    protected abstract ValueTask DeleteStorageAsync();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await DeleteStorageAsync();
        await meters.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<IDocumentStore> OpenAsync()
    {
        var store = CreateStore();
        opened.Add(store);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    protected async Task<IDocumentCollection<StockItem>> StockAsync() =>
        (await OpenAsync()).Collection<StockItem>(TestCollections.Stock);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static StockItem Item(string sku, long available = 10, long price = 100, string? category = "oil") =>
        new(sku, $"Item {sku}", available, price, category);
}
